package dev.tocsin.respond;

import dev.tocsin.auth.Role;
import dev.tocsin.config.Organisation;
import dev.tocsin.escalation.Escalator;
import dev.tocsin.escalation.ManualEscalation;
import dev.tocsin.escalation.Target;
import dev.tocsin.incident.Incident;
import dev.tocsin.incident.IncidentFilter;
import dev.tocsin.incident.IncidentStatus;
import dev.tocsin.incident.Incidents;
import dev.tocsin.incident.TimelineEntry;
import dev.tocsin.refusal.Refusal;
import dev.tocsin.trace.Actor;
import dev.tocsin.trace.Channel;
import dev.tocsin.user.User;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * THE way to act on an incident, whatever the channel: the REST API, SMS replies, voice keypresses, action links
 * (and the web UI and chat to come) all call these actions and nothing else. Each takes an {@link Act} (incident,
 * responder, channel, time), checks here — once — that the responder may do it and that its input makes sense,
 * and returns an {@link Outcome} with a one-line sentence, or throws a {@link Refusal}.
 */
public final class ResponderActions {
    /** The longest snooze: an incident snoozed for longer should be resolved (or its alert fixed) instead. */
    public static final java.time.Duration MAX_SNOOZE = java.time.Duration.ofDays(7);
    /** A note's longest text, in characters. */
    public static final int MAX_NOTE_LENGTH = 10_000;
    /** The code of the refusal to acknowledge for someone who was not paged: channels offer {@link #join} instead. */
    public static final String NOT_PAGED = AckGuard.NOT_PAGED;

    private final Incidents incidents;
    private final Escalator escalator;
    private final Supplier<Organisation> organisation;
    private final Clock clock;
    private final AckGuard ackGuard;

    /** @param escalator the paging engine's manual escalation */
    public ResponderActions(Incidents incidents, Escalator escalator, Supplier<Organisation> organisation, Clock clock) {
        this(incidents, escalator, organisation, clock, PagedPeople.NONE);
    }

    /** @param paged who the paging engine paged for an incident, for the ack guard */
    public ResponderActions(Incidents incidents, Escalator escalator, Supplier<Organisation> organisation, Clock clock,
                            PagedPeople paged) {
        this.incidents = incidents;
        this.escalator = escalator;
        this.organisation = organisation;
        this.clock = clock;
        this.ackGuard = new AckGuard(paged, organisation);
    }

    /**
     * An act on an incident now (the adapters' clock is this service's). It is refused at once if the responder
     * may not act on incidents at all, so a channel says so before it reads the rest of a request.
     */
    public Act act(long incidentId, Responder by, Channel channel) {
        Act act = new Act(incidentId, by, channel, clock.instant());
        permit(act);
        return act;
    }

    /**
     * Acknowledges, if the responder was paged for the incident (the {@link AckGuard}); an admin who was not is let
     * through and the override is written on the timeline. Anyone else is refused with {@link AckGuard#NOT_PAGED}
     * and offered to {@link #join} instead.
     */
    public Outcome acknowledge(Act act) {
        permit(act);
        Incident incident = incidents.findIncident(act.incidentId())
                .orElseThrow(() -> Refusal.notFound("incident #" + act.incidentId()));
        Optional<TimelineEntry> override = ackGuard.check(incident, act);
        Incidents.ActionResult result = override.isPresent()
                ? incidents.acknowledge(act.incidentId(), actor(act), act.channel(), act.at(), override.get())
                : incidents.acknowledge(act.incidentId(), actor(act), act.channel(), act.at());
        Outcome outcome = spoken(act, "acknowledged", result);
        if (override.isEmpty() || !outcome.changed()) return outcome;
        return new Outcome(outcome.incident(), true, outcome.sentence() + ", overriding as an admin: was not paged",
                outcome.detail(), null);
    }

    /**
     * Joins an incident as a responder: someone who was not paged offers their help, on the timeline for everyone
     * to see. It assigns nothing and pages nobody, so it does not open the ack guard.
     */
    public Outcome join(Act act) {
        permit(act);
        Incident incident = incidents.findIncident(act.incidentId())
                .orElseThrow(() -> Refusal.notFound("incident #" + act.incidentId()));
        if (!incident.status().isOpen()) throw Refusal.conflict("incident " + incident.number() + " is already resolved");
        if (ackGuard.holds(incident, actor(act))) {
            String reason = "you are already paged for " + incident.number();
            return new Outcome(incident, false, capitalised(reason), reason, null);
        }
        TimelineEntry entry = incidents.record(TimelineEntry.of(incident.id(), act.at(), "joined", actor(act), act.channel(),
                "Joined as responder by " + actor(act).id() + " via " + act.channel().wireName() + ": offers help", null));
        return new Outcome(incident, true, incident.number() + " joined as responder by " + by(act), null, entry);
    }

    /** Takes an acknowledgement back: the incident is triggered again and its people paged again. */
    public Outcome unacknowledge(Act act) {
        permit(act);
        return spoken(act, "unacknowledged", incidents.unacknowledge(act.incidentId(), actor(act), act.channel(), act.at()));
    }

    public Outcome resolve(Act act) {
        return resolve(act, null);
    }

    /**
     * Resolves with what fixed it ({@code resolution}: shown to the next incident of the same alert), or without
     * (null or blank). An incident already resolved still takes the note.
     */
    public Outcome resolve(Act act, String resolution) {
        permit(act);
        String note = resolution == null || resolution.isBlank() ? null : resolution.strip();
        if (note != null && note.length() > MAX_NOTE_LENGTH) {
            throw Refusal.invalid("resolution: a resolution note is at most " + MAX_NOTE_LENGTH + " characters");
        }
        Incidents.ActionResult result = incidents.resolve(act.incidentId(), actor(act), act.channel(), act.at(), note);
        if (note != null && !result.changed()) {
            return new Outcome(result.incident(), false, "#" + act.incidentId() + " was already resolved; resolution note by "
                    + by(act) + " recorded", "#" + act.incidentId() + " was already resolved; the resolution note is recorded", null);
        }
        return spoken(act, "resolved", result);
    }

    /**
     * Snoozes the incident: paging stops now (a triggered incident is acknowledged by the snoozer) and it is triggered
     * again when the snooze ends, paging per its urgency. Refused (400) for a snooze that ends now or in the past,
     * lasts longer than {@link #MAX_SNOOZE}, or asks for support hours the service does not have; 409 when resolved.
     */
    public Outcome snooze(Act act, Snooze how) {
        permit(act);
        Instant until;
        if (how instanceof Snooze.For snoozeFor) {
            if (snoozeFor.duration() == null || snoozeFor.duration().isNegative() || snoozeFor.duration().isZero()) {
                throw Refusal.invalid("for: a snooze must last longer than 0");
            }
            until = act.at().plus(snoozeFor.duration());
        } else if (how instanceof Snooze.Until snoozeUntil) {
            until = snoozeUntil.until();
        } else {
            Incident incident = incidents.findIncident(act.incidentId())
                    .orElseThrow(() -> Refusal.notFound("incident #" + act.incidentId()));
            until = organisation.get().supportHours(incident.serviceId())
                    .orElseThrow(() -> Refusal.invalid("until: service " + incident.serviceId()
                            + " has no support_hours (nor has its team); snooze for a duration instead"))
                    .nextStart(act.at());
        }
        if (!until.isAfter(act.at())) throw Refusal.invalid("until: " + until + " is not in the future");
        if (java.time.Duration.between(act.at(), until).compareTo(MAX_SNOOZE) > 0) {
            throw Refusal.invalid("a snooze lasts at most " + MAX_SNOOZE.toDays() + " days; resolve the incident instead");
        }
        Incidents.ActionResult result = incidents.snooze(act.incidentId(), until, actor(act), act.channel(), act.at());
        return new Outcome(result.incident(), true, result.incident().number() + " snoozed until " + until + " by " + by(act),
                "snoozed until " + until, null);
    }

    /** Escalates to the policy's next level, or to a chosen user, schedule or team. */
    public Outcome escalate(Act act, ManualEscalation how) {
        permit(act);
        if (how instanceof ManualEscalation.ToTarget to) requireConfigured("to", to.target());
        if (how instanceof ManualEscalation.AddResponders add) requireConfigured("responder", add.target());
        ManualEscalation.Result result = escalator.escalate(act.incidentId(), how, actor(act), act.channel());
        Incident incident = incidents.find(act.incidentId()).map(Incidents.Details::incident)
                .orElseThrow(() -> Refusal.notFound("incident #" + act.incidentId()));
        String verb = how instanceof ManualEscalation.AddResponders ? "got more responders from " : "escalated by ";
        String sentence = result.changed()
                ? incident.number() + " " + verb + by(act) + ": " + lowerFirst(result.sentence())
                : incident.number() + " not escalated: " + lowerFirst(result.sentence());
        return new Outcome(incident, result.changed(), sentence, result.sentence(), null);
    }

    /** Pages a user, schedule or team in addition to those already paged. */
    public Outcome addResponder(Act act, Target target) {
        return escalate(act, new ManualEscalation.AddResponders(target));
    }

    /** Makes these configured users the incident's assignees. */
    public Outcome reassign(Act act, List<String> userIds) {
        permit(act);
        if (userIds.isEmpty()) throw Refusal.invalid("cannot reassign incident #" + act.incidentId() + ": name at least one user");
        List<String> problems = new ArrayList<>();
        for (String userId : userIds) {
            if (!organisation.get().hasUser(userId)) problems.add("users: '" + userId + "' is not a configured user");
        }
        if (!problems.isEmpty()) throw Refusal.invalid("cannot reassign incident #" + act.incidentId(), problems);
        List<String> distinct = userIds.stream().distinct().toList();
        Incidents.ActionResult result = incidents.reassign(act.incidentId(), distinct, actor(act), act.channel(), act.at());
        String sentence = result.changed()
                ? result.incident().number() + " reassigned to " + String.join(", ", names(distinct)) + " by " + by(act)
                : capitalised(result.reason());
        return new Outcome(result.incident(), result.changed(), sentence, result.reason(), null);
    }

    public Outcome addNote(Act act, String text) {
        permit(act);
        String note = text == null ? "" : text.strip();
        if (note.isEmpty()) throw Refusal.invalid("text: a note needs some text");
        if (note.length() > MAX_NOTE_LENGTH) throw Refusal.invalid("text: a note is at most " + MAX_NOTE_LENGTH + " characters");
        TimelineEntry entry = incidents.addNote(act.incidentId(), note, actor(act), act.channel(), act.at());
        Incident incident = incidents.find(act.incidentId()).map(Incidents.Details::incident).orElse(null);
        return new Outcome(incident, true, "#" + act.incidentId() + " note by " + by(act) + ": " + firstLine(note), null, entry);
    }

    /** Whether the actor counts as paged for the incident (see {@link AckGuard}). */
    boolean holds(Incident incident, Actor actor) {
        return ackGuard.holds(incident, actor);
    }

    Organisation organisation() {
        return organisation.get();
    }

    Clock clock() {
        return clock;
    }

    /** The incident a person most likely means when they name none: the newest open one assigned to them. */
    public Optional<Incident> latestOpenAssignedTo(String userId) {
        IncidentFilter filter = new IncidentFilter(List.of(IncidentStatus.TRIGGERED, IncidentStatus.ACKNOWLEDGED),
                List.of(), null, userId);
        return incidents.list(filter, null, 1).stream().findFirst();
    }

    /** The permission check of every action, in one place: acting on incidents needs the responder role. */
    static void permit(Act act) {
        Role role = act.by().role();
        if (!role.includes(Role.RESPONDER)) {
            throw Refusal.forbidden("role '" + role.wireName() + "' may not do this; it needs '" + Role.RESPONDER.wireName() + "'");
        }
    }

    private void requireConfigured(String field, Target target) {
        Organisation current = organisation.get();
        boolean exists = switch (target.kind()) {
            case USER -> current.hasUser(target.id());
            case SCHEDULE -> current.schedule(target.id()).isPresent();
            case TEAM -> current.team(target.id()).isPresent();
        };
        if (!exists) throw Refusal.invalid(field + ": " + target + " is not configured");
    }

    private Outcome spoken(Act act, String done, Incidents.ActionResult result) {
        String sentence = result.changed()
                ? result.incident().number() + " " + done + " by " + by(act)
                : capitalised(result.reason());
        return new Outcome(result.incident(), result.changed(), sentence, result.reason(), null);
    }

    static Actor actor(Act act) {
        return act.by().actor();
    }

    /** "Alice (SMS)": the person's configured name, or the actor, and the channel. */
    String by(Act act) {
        Actor actor = actor(act);
        String who = actor.kind() == Actor.Kind.USER
                ? organisation.get().user(actor.id()).map(User::name).filter(name -> !name.isBlank()).orElse(actor.id())
                : actor.toString();
        return who + " (" + label(act.channel()) + ")";
    }

    private List<String> names(List<String> userIds) {
        return userIds.stream().map(id -> organisation.get().user(id).map(User::name).filter(name -> !name.isBlank())
                .orElse(id)).toList();
    }

    static String label(Channel channel) {
        return switch (channel) {
            case SMS, API, CLI -> channel.name();
            case VOICE -> "phone call";
            case EMAIL -> "email link";
            case PUSH -> "push link";
            case WEB -> "web";
            default -> channel.wireName();
        };
    }

    static String capitalised(String text) {
        return text == null || text.isEmpty() ? "" : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String lowerFirst(String text) {
        return text == null || text.isEmpty() ? "" : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    private static String firstLine(String text) {
        String line = text.lines().findFirst().orElse("");
        return line.length() <= 80 ? line : line.substring(0, 79) + "…";
    }
}
