package dev.tocsin.delivery;

import dev.tocsin.config.Organisation;
import dev.tocsin.incident.IncidentStore;
import dev.tocsin.incident.TimelineEntry;
import dev.tocsin.json.Json;
import dev.tocsin.trace.Actor;
import dev.tocsin.trace.Channel;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What delivery shares between its timers: the notifications table, the incidents' timelines, the configuration
 * in force, the timer engine's wake-up, and the two questions it asks of paging through {@link Escalations}.
 * Delivery knows nothing else of paging: paging decides who is paged, delivery gets each page to its person.
 */
public final class Delivery {
    /** What delivery needs to know of, and tell, the escalation that paged a person. */
    public interface Escalations {
        /** Since when the person has been paged on the incident's current escalation, if they are paged. */
        Optional<Instant> pagedSince(Handle handle, long incidentId, String userId);

        /** Every contact method of a paged person failed: escalate early if nobody else at the level can be reached. */
        void unreachable(Handle handle, long incidentId, String userId, Instant now);
    }

    /** Timer kind of one notification's sending. */
    public static final String DELIVER = "deliver";
    /** Timer kind of an incident's announcement in the ops channel. */
    public static final String ANNOUNCE = "announce";

    private final Supplier<Organisation> organisation;
    private final IncidentStore incidents;
    private final NotificationStore store = new NotificationStore();
    private final Escalations escalations;
    private final Runnable wake;

    /** @param wake called after a transaction that scheduled timers commits (the timer engine's wake-up) */
    public Delivery(Supplier<Organisation> organisation, IncidentStore incidents, Escalations escalations, Runnable wake) {
        this.organisation = organisation;
        this.incidents = incidents;
        this.escalations = escalations;
        this.wake = wake;
    }

    public NotificationStore store() {
        return store;
    }

    IncidentStore incidents() {
        return incidents;
    }

    Organisation organisation() {
        return organisation.get();
    }

    Runnable wake() {
        return wake;
    }

    Optional<Instant> pagedSince(Handle handle, long incidentId, String userId) {
        return escalations.pagedSince(handle, incidentId, userId);
    }

    void unreachable(Handle handle, long incidentId, String userId, Instant now) {
        escalations.unreachable(handle, incidentId, userId, now);
    }

    void timeline(Handle handle, long incidentId, Instant at, String kind, String message, Actor actor, Channel channel) {
        incidents.insertTimeline(handle, TimelineEntry.of(incidentId, at, kind, actor, channel, message, null));
    }

    void timeline(Handle handle, long incidentId, Instant at, String kind, String message, Map<String, Object> data) {
        incidents.insertTimeline(handle, TimelineEntry.of(incidentId, at, kind, Actor.system(), Channel.SYSTEM, message,
                data == null ? null : Json.mapper().valueToTree(data)));
    }
}
