package dev.tocsin.incident;

import dev.tocsin.refusal.Refusal;
import dev.tocsin.store.Database;
import dev.tocsin.trace.Actor;
import dev.tocsin.trace.Channel;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The transactions behind renaming, merging and splitting incidents (see {@link Triage} for the rules). As with
 * {@link Incidents}, channels do not call these: they go through {@code respond}, which checks who may.
 */
public final class IncidentTriage {
    /** Which incidents a merged incident went into, and which were merged into it. */
    public record Merges(Long mergedInto, List<Long> mergedFrom) {
        public static final Merges NONE = new Merges(null, List.of());
    }

    private final Database database;
    private final IncidentStore store;
    private final TriageStore triage = new TriageStore();
    private final IncidentObserver observer;

    public IncidentTriage(Database database, IncidentStore store, IncidentObserver observer) {
        this.database = database;
        this.store = store;
        this.observer = observer;
    }

    public Incidents.ActionResult rename(long id, String title, Actor actor, Channel channel, Instant at) {
        return database.writeAndWait(handle -> {
            Incident incident = require(handle, id);
            Transition transition = Triage.rename(incident, title, actor, channel, at);
            if (transition instanceof Transition.Refused refused) throw Refusal.invalid(refused.reason());
            if (transition instanceof Transition.Unchanged unchanged) {
                return new Incidents.ActionResult(incident, false, unchanged.reason());
            }
            Transition.Changed changed = (Transition.Changed) transition;
            triage.updateTitle(handle, changed.incident());
            changed.entries().forEach(entry -> store.insertTimeline(handle, entry));
            return new Incidents.ActionResult(changed.incident(), true, null);
        });
    }

    /**
     * Merges incident {@code mergedId} into {@code intoId} in one transaction: alerts and responders move, the
     * merged incident resolves (its observers — paging — stop its pages and timers, so nobody is paged twice), and
     * both timelines say so. Returns the survivor.
     */
    public Incident merge(long mergedId, long intoId, Actor actor, Channel channel, Instant at) {
        return database.writeAndWait(handle -> {
            Incident merged = require(handle, mergedId);
            Incident survivor = require(handle, intoId);
            Triage.Merge merge = Triage.merge(merged, survivor, actor, channel, at);
            triage.moveAlerts(handle, mergedId, intoId, at);
            store.updateIncident(handle, merge.survivor());
            if (!merge.survivor().assignees().equals(survivor.assignees())) {
                store.replaceAssignees(handle, intoId, merge.survivor().assignees(), at);
            }
            store.updateIncident(handle, merge.merged());
            triage.recordMerge(handle, mergedId, intoId, actor.toString(), at);
            merge.entries().forEach(entry -> store.insertTimeline(handle, entry));
            observer.changed(handle, merged, merge.merged(), actor.toString(), at);
            return merge.survivor();
        });
    }

    /** Splits an open alert out of an incident into a new one, which is paged like any new incident. Returns it. */
    public Incident split(long incidentId, long alertId, Actor actor, Channel channel, Instant at) {
        return database.writeAndWait(handle -> {
            Incident source = require(handle, incidentId);
            Alert alert = triage.alert(handle, alertId).orElseThrow(() -> Refusal.notFound("alert " + alertId));
            if (alert.incidentId() != incidentId) throw Refusal.notFound("alert " + alertId + " on incident " + source.number());
            long newId = store.nextId(handle, "incident");
            Triage.Split split = Triage.split(source, alert, newId, actor, channel, at);
            store.updateIncident(handle, split.source());
            store.insertIncident(handle, split.opened());
            triage.moveAlert(handle, alertId, newId, at);
            split.entries().forEach(entry -> store.insertTimeline(handle, entry));
            observer.opened(handle, split.opened(), at);
            return split.opened();
        });
    }

    /** The merges an incident took part in. */
    public Merges merges(long incidentId) {
        return database.jdbi().withHandle(handle -> new Merges(triage.mergedInto(handle, incidentId).orElse(null),
                triage.mergedFrom(handle, incidentId)));
    }

    public Optional<Incident> find(long id) {
        return database.jdbi().withHandle(handle -> store.findIncident(handle, id));
    }

    private Incident require(Handle handle, long id) {
        return store.findIncident(handle, id).orElseThrow(() -> Refusal.notFound("incident #" + id));
    }
}
