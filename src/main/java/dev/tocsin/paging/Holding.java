package dev.tocsin.paging;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tocsin.config.Organisation;
import dev.tocsin.engine.Timer;
import dev.tocsin.engine.TimerHandler;
import dev.tocsin.engine.Timers;
import dev.tocsin.incident.Hold;
import dev.tocsin.incident.Holds;
import dev.tocsin.incident.Incident;
import dev.tocsin.incident.IncidentLifecycle;
import dev.tocsin.incident.IncidentStatus;
import dev.tocsin.incident.Transition;
import dev.tocsin.maintenance.MaintenanceStore;
import dev.tocsin.maintenance.MaintenanceWindow;
import dev.tocsin.maintenance.MaintenanceWindows;
import dev.tocsin.service.Service;
import dev.tocsin.trace.Actor;
import dev.tocsin.urgency.SupportHours;
import dev.tocsin.urgency.Urgency;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether an incident about to be paged must wait, and its release. Three reasons hold an incident back
 * ({@link Hold.Reason}): a maintenance window on its service or team (new incidents only), low urgency outside
 * the service's support hours, and a snooze. A held incident has a {@link Hold} row and a durable timer that
 * releases it: {@code release/<incident>} (kind {@value #RELEASE}) for support hours and snoozes, the window's own
 * end timer for maintenance. Releasing asks the same question again, so an incident released into another window
 * or outside support hours waits on. Everything runs inside the transaction of the change that caused it.
 */
final class Holding implements MaintenanceWindows.Release {
    static final String RELEASE = "release";

    private final Paging paging;
    private final MaintenanceStore windows;
    private final Holds holds = new Holds();

    Holding(Paging paging, MaintenanceStore windows) {
        this.paging = paging;
        this.windows = windows;
    }

    static String key(long incidentId) {
        return "release/" + incidentId;
    }

    /**
     * The incident as it should be paged now (its urgency raised when the service pages low urgency as high outside
     * support hours), or empty when it is held: then the hold, its timer and a timeline line are written.
     *
     * @param opening a new incident (maintenance windows hold only those)
     */
    Optional<Incident> gate(Handle handle, Incident incident, Instant at, boolean opening) {
        Organisation organisation = paging.organisation();
        Optional<Service> service = organisation.service(incident.serviceId());
        if (opening) {
            String team = service.map(Service::team).orElse(null);
            List<MaintenanceWindow> active = windows.activeFor(handle, incident.serviceId(), team, at);
            if (!active.isEmpty()) {
                MaintenanceWindow window = active.get(0);
                holds.put(handle, new Hold(incident.id(), Hold.Reason.MAINTENANCE, window.end(), window.id(), at, null));
                paging.timeline(handle, incident.id(), at, "held_maintenance", "Held back by maintenance window " + window.id()
                        + " on " + window.scope() + " until " + window.end()
                        + (window.reason() == null ? "" : " (" + window.reason() + ")")
                        + ": nobody is paged; if still firing when it ends, it pages then",
                        Map.of("window_id", window.id(), "until", window.end().toString()));
                return Optional.empty();
            }
        }
        if (incident.urgency() != Urgency.LOW) return Optional.of(incident);
        Optional<SupportHours> hours = organisation.supportHours(incident.serviceId());
        if (hours.isEmpty() || hours.get().contains(at)) return Optional.of(incident);
        if (service.get().outsideSupportHours() == Urgency.HIGH) {
            holds.setUrgency(handle, incident.id(), Urgency.HIGH);
            paging.timeline(handle, incident.id(), at, "urgency_raised", "Low urgency outside support hours ("
                    + hours.get() + "): paged as high urgency (urgency.outside_support_hours: high)", null);
            return Optional.of(withUrgency(incident, Urgency.HIGH));
        }
        Instant start = hours.get().nextStart(at);
        holds.put(handle, new Hold(incident.id(), Hold.Reason.SUPPORT_HOURS, start, null, at, null));
        scheduleRelease(handle, incident.id(), start, at);
        paging.timeline(handle, incident.id(), at, "held_support_hours", "Low urgency outside support hours ("
                + hours.get() + "): nobody is paged now; notified when support hours start at " + start,
                Map.of("until", start.toString()));
        return Optional.empty();
    }

    /** A snooze: the hold and its release timer; the acknowledgement timeout gives way to it. */
    void snoozed(Handle handle, Incident incident, Instant until, Actor by, Instant at) {
        Timers.cancel(handle, AckTimeoutTimer.key(incident.id()), at);
        holds.put(handle, new Hold(incident.id(), Hold.Reason.SNOOZE, until, null, at, by.toString()));
        scheduleRelease(handle, incident.id(), until, at);
    }

    /** The incident was acknowledged, resolved or triggered again by someone: whatever held it no longer does. */
    void clear(Handle handle, long incidentId, Instant at) {
        if (holds.clear(handle, incidentId)) Timers.cancel(handle, key(incidentId), at);
    }

    private void scheduleRelease(Handle handle, long incidentId, Instant until, Instant at) {
        Timers.cancel(handle, key(incidentId), at);
        Timers.schedule(handle, RELEASE, key(incidentId), dev.tocsin.json.Json.write(Map.of("incident", incidentId,
                "until", until.toEpochMilli())), until, at);
    }

    @Override
    public void windowEnded(Handle handle, MaintenanceWindow window, Instant now) {
        for (Hold hold : holds.ofWindow(handle, window.id())) {
            Optional<Incident> incident = paging.incidents().findIncident(handle, hold.incidentId());
            holds.clear(handle, hold.incidentId());
            if (incident.isEmpty() || incident.get().status() != IncidentStatus.TRIGGERED) continue;
            paging.timeline(handle, hold.incidentId(), now, "released_maintenance", "Maintenance window " + window.id()
                    + " ended; the alert is still firing: paging now", Map.of("window_id", window.id()));
            paging.released(handle, incident.get(), now);
        }
    }

    /** The handler of {@code release/<incident>} timers: support hours began, or a snooze ran out. */
    TimerHandler releaseTimer() {
        return new TimerHandler() {
            @Override
            public String kind() {
                return RELEASE;
            }

            @Override
            public void fire(Handle handle, Timer timer, Instant now) {
                JsonNode payload = NotifyTimer.read(timer.payload());
                long incidentId = payload.path("incident").asLong();
                Instant until = Instant.ofEpochMilli(payload.path("until").asLong());
                Optional<Hold> hold = holds.find(handle, incidentId);
                // A stale timer (the hold was replaced or cleared since) changes nothing.
                if (hold.isEmpty() || !hold.get().until().equals(until)) return;
                holds.clear(handle, incidentId);
                Optional<Incident> incident = paging.incidents().findIncident(handle, incidentId);
                if (incident.isEmpty()) return;
                if (hold.get().reason() == Hold.Reason.SNOOZE) {
                    Transition transition = IncidentLifecycle.snoozeEnded(incident.get(), until, now);
                    if (!(transition instanceof Transition.Changed changed)) return;
                    paging.incidents().updateIncident(handle, changed.incident());
                    changed.entries().forEach(entry -> paging.incidents().insertTimeline(handle, entry));
                    paging.released(handle, changed.incident(), now);
                    return;
                }
                if (incident.get().status() != IncidentStatus.TRIGGERED) return;
                paging.timeline(handle, incidentId, now, "released_support_hours", "Support hours started: notifying now", null);
                paging.released(handle, incident.get(), now);
            }
        };
    }

    private static Incident withUrgency(Incident incident, Urgency urgency) {
        return new Incident(incident.id(), incident.serviceId(), incident.title(), incident.status(), urgency,
                incident.severity(), incident.createdAt(), incident.updatedAt(), incident.acknowledgedAt(),
                incident.acknowledgedBy(), incident.resolvedAt(), incident.resolvedBy(), incident.alertCount(),
                incident.openAlerts(), incident.assignees());
    }
}
