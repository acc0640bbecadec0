package dev.tocsin.paging;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tocsin.engine.Timer;
import dev.tocsin.engine.TimerHandler;
import dev.tocsin.engine.Timers;
import dev.tocsin.incident.Incident;
import dev.tocsin.incident.IncidentLifecycle;
import dev.tocsin.incident.Transition;
import dev.tocsin.service.Service;
import org.jdbi.v3.core.Handle;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A service's {@code ack_timeout}: an acknowledged incident that nobody resolved within it is triggered again and
 * paged from level 1, so an acknowledgement cannot quietly bury an incident.
 */
final class AckTimeoutTimer implements TimerHandler {
    private final Paging paging;

    AckTimeoutTimer(Paging paging) {
        this.paging = paging;
    }

    @Override
    public String kind() {
        return Paging.ACK_TIMEOUT;
    }

    static String key(long incidentId) {
        return "ack-timeout/" + incidentId;
    }

    /** Starts the timeout for an incident just acknowledged, if its service has one. */
    static void schedule(Handle handle, Incident acknowledged, Optional<Service> service, Instant now) {
        Duration timeout = service.map(Service::ackTimeout).orElse(null);
        if (timeout == null || acknowledged.acknowledgedAt() == null) return;
        Timers.cancel(handle, key(acknowledged.id()), now);
        Timers.schedule(handle, Paging.ACK_TIMEOUT, key(acknowledged.id()), dev.tocsin.json.Json.write(java.util.Map.of(
                "incident", acknowledged.id(), "acknowledged_at", acknowledged.acknowledgedAt().toEpochMilli(),
                "timeout_seconds", timeout.toSeconds())), acknowledged.acknowledgedAt().plus(timeout), now);
    }

    @Override
    public void fire(Handle handle, Timer timer, Instant now) {
        JsonNode payload = NotifyTimer.read(timer.payload());
        long incidentId = payload.path("incident").asLong();
        Optional<Incident> incident = paging.incidents().findIncident(handle, incidentId);
        if (incident.isEmpty()) return;
        Transition transition = IncidentLifecycle.acknowledgementTimedOut(incident.get(),
                Duration.ofSeconds(payload.path("timeout_seconds").asLong()),
                Instant.ofEpochMilli(payload.path("acknowledged_at").asLong()), now);
        if (!(transition instanceof Transition.Changed changed)) return;
        paging.incidents().updateIncident(handle, changed.incident());
        changed.entries().forEach(entry -> paging.incidents().insertTimeline(handle, entry));
        paging.retrigger(handle, changed.incident(), paging.store().escalation(handle, incidentId), now);
    }
}
