package dev.tocsin.heartbeat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tocsin.engine.Timer;
import dev.tocsin.engine.TimerHandler;
import dev.tocsin.engine.Timers;
import dev.tocsin.json.Json;
import dev.tocsin.incident.AlertIntake;
import dev.tocsin.incident.AlertOutcome;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The {@code heartbeat} timer: fires at a heartbeat's deadline (last ping + interval + grace). If pings moved the
 * deadline since it was scheduled, it re-arms itself for the new one; otherwise it opens an incident on the
 * heartbeat's service through the normal alert path. Database only, so it runs exactly once with the timer's
 * completion; an already expired heartbeat is left alone, so a second firing cannot open a second incident.
 */
public final class HeartbeatCheck implements TimerHandler {
    /** The timer kind. */
    public static final String KIND = "heartbeat";
    /** How soon a node that does not know a heartbeat yet looks again. */
    static final Duration UNKNOWN_RETRY = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(HeartbeatCheck.class);

    /** The heartbeats the configuration in force declares, in file order. */
    private final Supplier<List<Heartbeat>> configured;
    private final AlertIntake intake;

    public HeartbeatCheck(Supplier<List<Heartbeat>> configured, AlertIntake intake) {
        this.configured = configured;
        this.intake = intake;
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** The timer's payload: which heartbeat it watches. */
    static String payload(String heartbeatId) {
        return Json.write(java.util.Map.of("heartbeat", heartbeatId));
    }

    @Override
    public void fire(Handle handle, Timer timer, Instant now) {
        String heartbeatId = heartbeatId(timer);
        Optional<HeartbeatRow> found = HeartbeatStore.lockAndFind(handle, heartbeatId);
        if (found.isEmpty()) return;   // removed from the configuration: its row went with it
        HeartbeatRow row = found.get();
        Optional<Heartbeat> heartbeat = Heartbeats.configured(configured.get(), heartbeatId);
        if (heartbeat.isEmpty()) {
            // The row exists, so the heartbeat is configured; this node has not loaded that configuration yet
            // (another node applied it). Look again later rather than let the heartbeat go unwatched.
            log.warn("heartbeat {} is not in this node's configuration yet; checking again in {}", heartbeatId, UNKNOWN_RETRY);
            Timers.schedule(handle, KIND, timer.key(), timer.payload(), now.plus(UNKNOWN_RETRY), now);
            return;
        }
        if (row.state() == HeartbeatState.EXPIRED) return;
        if (row.dueAt().isAfter(now)) {
            // Pings moved the deadline since this timer was scheduled (see Heartbeats): watch the new one.
            Heartbeats.keepTimer(handle, heartbeatId, row.dueAt(), now);
            return;
        }
        AlertOutcome outcome = intake.applyWithin(handle, HeartbeatEvents.trigger(heartbeat.get(), row),
                heartbeat.get().serviceId(), now);
        HeartbeatStore.update(handle, new HeartbeatRow(row.heartbeatId(), HeartbeatState.EXPIRED, row.startedAt(),
                row.lastPingAt(), row.dueAt(), row.pings(), outcome.incidentId(), now));
        log.info("heartbeat {} missed its deadline {}: incident {}", heartbeatId, row.dueAt(), outcome.incidentId());
    }

    private static String heartbeatId(Timer timer) {
        try {
            JsonNode payload = Json.mapper().readTree(timer.payload());
            return payload.path("heartbeat").asText();
        } catch (IOException e) {
            throw new IllegalStateException("heartbeat timer " + timer.id() + " has an unreadable payload", e);
        }
    }
}
