package dev.tocsin.handover;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.tocsin.config.Organisation;
import dev.tocsin.engine.Timer;
import dev.tocsin.engine.TimerHandler;
import dev.tocsin.engine.Timers;
import dev.tocsin.incident.Incident;
import dev.tocsin.incident.IncidentStore;
import dev.tocsin.incident.TimelineEntry;
import dev.tocsin.notice.Notice;
import dev.tocsin.notice.NoticeOutbox;
import dev.tocsin.refusal.Refusal;
import dev.tocsin.store.Database;
import dev.tocsin.trace.Actor;
import dev.tocsin.trace.Channel;
import dev.tocsin.user.User;
import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Handing an incident over, only when the other person accepts. Asking writes the handover, a timeline line, a
 * notice to the person asked (through the notices outbox) and the {@code handover-expiry} timer, in one
 * transaction. Accepting moves the assignment from the asker to them; declining, or no answer before the timer
 * fires ({@link #DEFAULT_EXPIRY}), leaves it where it was. Every step is on the incident's timeline and the asker
 * is told the answer. Who may ask and answer is checked in {@code respond}.
 */
public final class Handovers {
    /** How long the person asked has to accept before the handover lapses. */
    public static final Duration DEFAULT_EXPIRY = Duration.ofMinutes(30);
    /** The timer kind that lets an unanswered handover expire. */
    public static final String EXPIRY_TIMER = "handover-expiry";
    /** The longest note, in characters. */
    public static final int MAX_NOTE_LENGTH = 2_000;

    private final Database database;
    private final IncidentStore incidents;
    private final Supplier<Organisation> organisation;
    private final Runnable wake;
    private final NoticeOutbox outbox = new NoticeOutbox();

    /** @param wake called after a transaction that scheduled a timer or a notice commits */
    public Handovers(Database database, IncidentStore incidents, Supplier<Organisation> organisation, Runnable wake) {
        this.database = database;
        this.incidents = incidents;
        this.organisation = organisation;
        this.wake = wake;
    }

    static String timerKey(long handoverId) {
        return EXPIRY_TIMER + ":" + handoverId;
    }

    /** Asks {@code toUser} to take the incident over from {@code fromUser}; one pending handover per incident. */
    public Handover ask(long incidentId, String fromUser, String toUser, String note, Actor actor, Channel channel,
                        Instant at) {
        return database.writeAndWait(handle -> {
            Incident incident = requireOpen(handle, incidentId);
            Optional<Handover> pending = pendingOf(handle, incidentId);
            if (pending.isPresent()) {
                throw Refusal.conflict("incident " + incident.number() + " already has a handover to "
                        + name(pending.get().toUser()) + " waiting for an answer");
            }
            Instant expires = at.plus(DEFAULT_EXPIRY);
            long id = handle.createQuery("""
                            INSERT INTO handovers (incident_id, from_user, to_user, note, status, asked_at, expires_at)
                            VALUES (:incident, :from, :to, :note, 'asked', :at, :expires) RETURNING id""")
                    .bind("incident", incidentId).bind("from", fromUser).bind("to", toUser).bind("note", note)
                    .bind("at", at.toEpochMilli()).bind("expires", expires.toEpochMilli())
                    .mapTo(Long.class).one();
            String withNote = note == null ? "" : " Note: " + note;
            timeline(handle, incidentId, at, "handover_asked", actor, channel, name(fromUser) + " asks " + name(toUser)
                    + " to take over " + incident.number() + " (via " + channel.wireName() + "); it stays with "
                    + name(fromUser) + " unless accepted by " + expires + "." + withNote, id);
            outbox.enqueue(handle, Notice.of(toUser, "handover_asked", "handover:" + id + ":asked",
                    name(fromUser) + " asks you to take over " + incident.number() + " " + incident.title(),
                    name(fromUser) + " asks you to take over incident " + incident.number() + " (" + incident.title()
                            + ")." + withNote + "\nAccept or decline on the incident's page in Tocsin, on your page (/me), or with"
                            + " POST /api/v1/incidents/" + incidentId + "/handover/accept (or /decline). Unanswered, it lapses at "
                            + expires + " and stays with " + name(fromUser) + ".", at, at));
            Timers.schedule(handle, EXPIRY_TIMER, timerKey(id), "{\"handover\":" + id + "}", expires, at);
            handle.afterCommit(wake);
            return find(handle, id);
        });
    }

    /** The person asked accepts: the assignment moves from the asker to them. */
    public Handover accept(long incidentId, String userId, Actor actor, Channel channel, Instant at) {
        return database.writeAndWait(handle -> {
            Handover handover = pendingFor(handle, incidentId, userId, at);
            Incident incident = requireOpen(handle, incidentId);
            List<String> assignees = new ArrayList<>(incident.assignees());
            assignees.remove(handover.fromUser());
            if (!assignees.contains(handover.toUser())) assignees.add(handover.toUser());
            incidents.replaceAssignees(handle, incidentId, assignees, at);
            answer(handle, handover, Handover.Status.ACCEPTED, at);
            timeline(handle, incidentId, at, "handover_accepted", actor, channel, name(handover.toUser())
                    + " accepted the handover from " + name(handover.fromUser()) + " (via " + channel.wireName() + "): "
                    + incident.number() + " is now assigned to " + String.join(", ", assignees.stream().map(this::name).toList()),
                    handover.id());
            tellAsker(handle, handover, incident, "accepted", at);
            return find(handle, handover.id());
        });
    }

    /** The person asked declines: the incident stays where it was. */
    public Handover decline(long incidentId, String userId, Actor actor, Channel channel, Instant at) {
        return database.writeAndWait(handle -> {
            Handover handover = pendingFor(handle, incidentId, userId, at);
            Incident incident = incidents.findIncident(handle, incidentId).orElseThrow();
            answer(handle, handover, Handover.Status.DECLINED, at);
            timeline(handle, incidentId, at, "handover_declined", actor, channel, name(handover.toUser())
                    + " declined the handover (via " + channel.wireName() + "): " + incident.number() + " stays with "
                    + name(handover.fromUser()), handover.id());
            tellAsker(handle, handover, incident, "declined", at);
            return find(handle, handover.id());
        });
    }

    /** The incident's handover waiting for an answer, if any. */
    public Optional<Handover> pending(long incidentId) {
        return database.jdbi().withHandle(handle -> pendingOf(handle, incidentId));
    }

    /** Handovers asked of this person and not yet answered, oldest first. */
    public List<Handover> askedOf(String userId) {
        return database.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT * FROM handovers WHERE to_user = :user AND status = 'asked' ORDER BY asked_at, id")
                .bind("user", userId).map((rs, ctx) -> read(rs)).list());
    }

    /** Every handover of the incident, oldest first. */
    public List<Handover> ofIncident(long incidentId) {
        return database.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT * FROM handovers WHERE incident_id = :incident ORDER BY asked_at, id")
                .bind("incident", incidentId).map((rs, ctx) -> read(rs)).list());
    }

    /** The engine's handler that lets an unanswered handover lapse. */
    public TimerHandler expiryTimer() {
        return new TimerHandler() {
            @Override
            public String kind() {
                return EXPIRY_TIMER;
            }

            @Override
            public void fire(Handle handle, Timer timer, Instant now) {
                long id = dev.tocsin.json.Json.tree(timer.payload()).path("handover").asLong();
                expire(handle, id, now);
            }
        };
    }

    private void expire(Handle handle, long id, Instant now) {
        Optional<Handover> found = handle.createQuery("SELECT * FROM handovers WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> read(rs)).findOne();
        if (found.isEmpty() || !found.get().pending()) return;
        Handover handover = found.get();
        Incident incident = incidents.findIncident(handle, handover.incidentId()).orElseThrow();
        answer(handle, handover, Handover.Status.EXPIRED, now);
        timeline(handle, handover.incidentId(), now, "handover_expired", Actor.system(), Channel.SYSTEM,
                name(handover.toUser()) + " did not accept the handover within "
                        + dev.tocsin.time.Durations.format(Duration.between(handover.askedAt(), handover.expiresAt()))
                        + ": " + incident.number() + " stays with " + name(handover.fromUser()), handover.id());
        tellAsker(handle, handover, incident, "expired", now);
        handle.afterCommit(wake);
    }

    private Handover pendingFor(Handle handle, long incidentId, String userId, Instant at) {
        Handover handover = pendingOf(handle, incidentId).orElseThrow(() -> Refusal.conflict(
                "incident #" + incidentId + " has no handover waiting for an answer"));
        if (!handover.toUser().equals(userId)) {
            throw Refusal.forbidden("the handover of #" + incidentId + " was asked of " + name(handover.toUser())
                    + "; only they can answer it");
        }
        if (!at.isBefore(handover.expiresAt())) {
            throw Refusal.conflict("the handover of #" + incidentId + " lapsed at " + handover.expiresAt());
        }
        return handover;
    }

    private void answer(Handle handle, Handover handover, Handover.Status status, Instant at) {
        handle.createUpdate("UPDATE handovers SET status = :status, answered_at = :at WHERE id = :id AND status = 'asked'")
                .bind("id", handover.id()).bind("status", status.wireName()).bind("at", at.toEpochMilli()).execute();
        Timers.cancel(handle, timerKey(handover.id()), at);
    }

    private void tellAsker(Handle handle, Handover handover, Incident incident, String answer, Instant at) {
        String subject = "Handover of " + incident.number() + " to " + name(handover.toUser()) + " " + answer;
        String body = switch (answer) {
            case "accepted" -> name(handover.toUser()) + " accepted: " + incident.number() + " (" + incident.title()
                    + ") is now theirs.";
            default -> name(handover.toUser()) + (answer.equals("declined") ? " declined" : " did not answer in time")
                    + ": " + incident.number() + " (" + incident.title() + ") stays with you.";
        };
        outbox.enqueue(handle, Notice.of(handover.fromUser(), "handover_" + answer, "handover:" + handover.id() + ":" + answer,
                subject, body, at, at));
        handle.afterCommit(wake);
    }

    private Incident requireOpen(Handle handle, long incidentId) {
        Incident incident = incidents.findIncident(handle, incidentId)
                .orElseThrow(() -> Refusal.notFound("incident #" + incidentId));
        if (!incident.status().isOpen()) throw Refusal.conflict("incident " + incident.number() + " is resolved");
        return incident;
    }

    private void timeline(Handle handle, long incidentId, Instant at, String kind, Actor actor, Channel channel,
                          String message, long handoverId) {
        incidents.insertTimeline(handle, TimelineEntry.of(incidentId, at, kind, actor, channel, message,
                JsonNodeFactory.instance.objectNode().put("handover_id", handoverId)));
    }

    private String name(String userId) {
        return organisation.get().user(userId).map(User::name).filter(name -> !name.isBlank()).orElse(userId);
    }

    private static Optional<Handover> pendingOf(Handle handle, long incidentId) {
        return handle.createQuery("SELECT * FROM handovers WHERE incident_id = :incident AND status = 'asked' ORDER BY id DESC")
                .bind("incident", incidentId).map((rs, ctx) -> read(rs)).findFirst();
    }

    private static Handover find(Handle handle, long id) {
        return handle.createQuery("SELECT * FROM handovers WHERE id = :id").bind("id", id).map((rs, ctx) -> read(rs)).one();
    }

    private static Handover read(ResultSet rs) throws SQLException {
        long answered = rs.getLong("answered_at");
        Instant answeredAt = rs.wasNull() ? null : Instant.ofEpochMilli(answered);
        return new Handover(rs.getLong("id"), rs.getLong("incident_id"), rs.getString("from_user"), rs.getString("to_user"),
                rs.getString("note"), Handover.Status.parse(rs.getString("status")),
                Instant.ofEpochMilli(rs.getLong("asked_at")), Instant.ofEpochMilli(rs.getLong("expires_at")), answeredAt);
    }
}
