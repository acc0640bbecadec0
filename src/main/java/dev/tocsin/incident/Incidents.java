package dev.tocsin.incident;

import dev.tocsin.refusal.Refusal;
import dev.tocsin.store.Database;
import dev.tocsin.trace.Actor;
import dev.tocsin.trace.Channel;
import org.jdbi.v3.core.Handle;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The incident side of responder actions (acknowledge, unacknowledge, resolve, reassign, note), each in one
 * transaction with whatever follows from it, and how incidents are looked up. Channels do not call the actions
 * here: they go through {@code respond.ResponderActions}, which checks permissions and speaks the outcome.
 */
public final class Incidents {
    /** An incident with its alerts and timeline, as the API shows it. */
    public record Details(Incident incident, List<Alert> alerts, List<TimelineEntry> timeline) {
    }

    /** The outcome of an action: the incident after it, and whether anything changed (and if not, why). */
    public record ActionResult(Incident incident, boolean changed, String reason) {
    }

    private final Database database;
    private final IncidentStore store;
    private final Clock clock;
    private final IncidentObserver observer;

    public Incidents(Database database, IncidentStore store, Clock clock, IncidentObserver observer) {
        this.database = database;
        this.store = store;
        this.clock = clock;
        this.observer = observer;
    }

    public ActionResult acknowledge(long id, Actor actor, Channel channel, Instant at) {
        return act(id, at, (handle, incident) -> IncidentLifecycle.acknowledge(incident, actor, channel, at));
    }

    /**
     * Acknowledges, writing {@code extra} (e.g. an admin's override of the ack guard) on the timeline in the same
     * transaction when the acknowledgement changes anything.
     */
    public ActionResult acknowledge(long id, Actor actor, Channel channel, Instant at, TimelineEntry extra) {
        return act(id, at, (handle, incident) -> {
            Transition transition = IncidentLifecycle.acknowledge(incident, actor, channel, at);
            if (transition instanceof Transition.Changed changed) {
                List<TimelineEntry> entries = new java.util.ArrayList<>(changed.entries());
                entries.add(extra);
                return new Transition.Changed(changed.incident(), entries);
            }
            return transition;
        });
    }

    public ActionResult unacknowledge(long id, Actor actor, Channel channel, Instant at) {
        return act(id, at, (handle, incident) -> IncidentLifecycle.unacknowledge(incident, actor, channel, at));
    }

    /** Resolves the incident and every alert still open on it, so the next trigger opens a new incident. */
    public ActionResult resolve(long id, Actor actor, Channel channel, Instant at) {
        return resolve(id, actor, channel, at, null);
    }

    /**
     * Resolves, with what fixed it ({@code resolution}, or null): the note goes on the timeline (kind
     * {@code resolution}) and is kept for each alert key of the incident, so the next incident of the same alert shows
     * it. An incident already resolved (say by its source) still takes the note.
     */
    public ActionResult resolve(long id, Actor actor, Channel channel, Instant at, String resolution) {
        return act(id, at, (handle, incident) -> {
            Transition transition = IncidentLifecycle.resolve(incident, actor, channel, at);
            if (transition instanceof Transition.Changed) store.resolveOpenAlerts(handle, id, at);
            if (resolution != null && !(transition instanceof Transition.Refused)) {
                store.insertTimeline(handle, IncidentLifecycle.resolutionNote(incident, resolution, actor, channel, at));
                store.insertResolutionNotes(handle, id, resolution, actor, at);
            }
            return transition;
        });
    }

    /** Snoozes the incident until {@code until}: paging stops now and starts again then (see the observers). */
    public ActionResult snooze(long id, Instant until, Actor actor, Channel channel, Instant at) {
        return database.writeAndWait(handle -> {
            Incident incident = require(handle, id);
            Transition transition = IncidentLifecycle.snooze(incident, until, actor, channel, at);
            if (transition instanceof Transition.Refused refused) throw Refusal.conflict(refused.reason());
            Transition.Changed changed = (Transition.Changed) transition;
            store.updateIncident(handle, changed.incident());
            changed.entries().forEach(entry -> store.insertTimeline(handle, entry));
            if (changed.incident().status() != incident.status()) {
                observer.changed(handle, incident, changed.incident(), changed.incident().acknowledgedBy(), at);
            }
            observer.snoozed(handle, changed.incident(), until, actor, at);
            return new ActionResult(changed.incident(), true, null);
        });
    }

    /** The incident's hold (snoozed, outside support hours, in maintenance), if it has one. */
    public Optional<Hold> hold(long id) {
        return database.jdbi().withHandle(handle -> new Holds().find(handle, id));
    }

    /** The holds of these incidents, by id (for lists). */
    public java.util.Map<Long, Hold> holds(List<Long> ids) {
        return database.jdbi().withHandle(handle -> new Holds().of(handle, ids));
    }

    public ActionResult reassign(long id, List<String> userIds, Actor actor, Channel channel, Instant at) {
        return act(id, at, (handle, incident) -> {
            Transition transition = IncidentLifecycle.reassign(incident, userIds, actor, channel, at);
            if (transition instanceof Transition.Changed) store.replaceAssignees(handle, id, userIds, at);
            return transition;
        });
    }

    public TimelineEntry addNote(long id, String text, Actor actor, Channel channel, Instant at) {
        return database.writeAndWait(handle -> {
            Incident incident = require(handle, id);
            TimelineEntry entry = IncidentLifecycle.note(incident, text, actor, channel, at);
            store.insertTimeline(handle, entry);
            return entry;
        });
    }

    /** Writes one timeline entry on an existing incident (a person joining as responder, say). */
    public TimelineEntry record(TimelineEntry entry) {
        return database.writeAndWait(handle -> {
            require(handle, entry.incidentId());
            store.insertTimeline(handle, entry);
            return entry;
        });
    }

    public Optional<Details> find(long id) {
        return database.jdbi().inTransaction(handle -> store.findIncident(handle, id)
                .map(incident -> new Details(incident, store.alerts(handle, id), store.timeline(handle, id))));
    }

    /** The incident alone, without its alerts and timeline. */
    public Optional<Incident> findIncident(long id) {
        return database.jdbi().withHandle(handle -> store.findIncident(handle, id));
    }

    public List<Incident> list(IncidentFilter filter, Long beforeId, int limit) {
        return database.jdbi().withHandle(handle -> store.list(handle, filter, beforeId, limit));
    }

    /** Change events on the incident's service from an hour before it opened until it resolved (or now). */
    public List<RecentChange> changesAround(Incident incident) {
        Instant from = incident.createdAt().minusSeconds(3600);
        Instant to = incident.resolvedAt() == null ? clock.instant() : incident.resolvedAt();
        return database.jdbi().withHandle(handle -> store.changes(handle, incident.serviceId(), from, to));
    }

    private interface Action {
        Transition decide(Handle handle, Incident incident);
    }

    private ActionResult act(long id, Instant at, Action action) {
        return database.writeAndWait(handle -> {
            Incident incident = require(handle, id);
            Transition transition = action.decide(handle, incident);
            if (transition instanceof Transition.Changed changed) {
                store.updateIncident(handle, changed.incident());
                changed.entries().forEach(entry -> store.insertTimeline(handle, entry));
                if (changed.incident().status() != incident.status()) {
                    observer.changed(handle, incident, changed.incident(), changed.incident().status() == IncidentStatus.RESOLVED
                            ? changed.incident().resolvedBy() : changed.incident().acknowledgedBy(), at);
                }
                return new ActionResult(changed.incident(), true, null);
            }
            if (transition instanceof Transition.Refused refused) {
                throw Refusal.conflict(refused.reason());
            }
            Transition.Unchanged unchanged = (Transition.Unchanged) transition;
            return new ActionResult(unchanged.incident(), false, unchanged.reason());
        });
    }

    private Incident require(Handle handle, long id) {
        return store.findIncident(handle, id).orElseThrow(() -> Refusal.notFound("incident #" + id));
    }
}
