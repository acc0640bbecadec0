package dev.tocsin.heartbeat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tocsin.incident.AlertAction;
import dev.tocsin.incident.AlertEvent;
import dev.tocsin.urgency.Severity;
import dev.tocsin.time.Durations;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The alert events a heartbeat sends through the normal incident path: a trigger when it expires, a resolve on
 * the next ping. Pure: (heartbeat, state, time) → event.
 *
 * <p>Each heartbeat acts as its own integration, {@code heartbeat:<id>}: a colon never appears in a configured
 * integration key, so these alerts cannot collide with a real integration's. The event's source is left empty
 * so the timeline's actor reads {@code integration:heartbeat}.
 */
public final class HeartbeatEvents {
    /** The format recorded with the events (and shown on the timeline). */
    public static final String FORMAT = "heartbeat";
    /**
     * A silent heartbeat means the monitoring itself stopped: nobody would hear about anything else that breaks,
     * so it pages with high urgency.
     */
    public static final Severity SEVERITY = Severity.CRITICAL;

    private HeartbeatEvents() {
    }

    /** The integration key and dedup key of a heartbeat's alert: {@code heartbeat:<id>}. */
    public static String key(String heartbeatId) {
        return "heartbeat:" + heartbeatId;
    }

    /** "Heartbeat Nightly backup missed: no ping since 2026-11-25T03:00:00Z (interval 5m, grace 1m)". */
    static String title(Heartbeat heartbeat, HeartbeatRow row) {
        String since = row.lastPingAt() == null
                ? "no ping since " + text(row.startedAt()) + " (never pinged)"
                : "no ping since " + text(row.lastPingAt());
        return "Heartbeat " + heartbeat.displayName() + " missed: " + since + " (interval "
                + Durations.format(heartbeat.interval()) + ", grace " + Durations.format(heartbeat.grace()) + ")";
    }

    static AlertEvent trigger(Heartbeat heartbeat, HeartbeatRow row) {
        ObjectNode details = JsonNodeFactory.instance.objectNode()
                .put("heartbeat", heartbeat.id())
                .put("interval", Durations.format(heartbeat.interval()))
                .put("grace", Durations.format(heartbeat.grace()))
                .put("due_at", text(row.dueAt()));
        if (row.lastPingAt() != null) details.put("last_ping_at", text(row.lastPingAt()));
        else details.put("watched_since", text(row.startedAt()));
        if (heartbeat.description() != null) details.put("description", heartbeat.description());
        return new AlertEvent(key(heartbeat.id()), FORMAT, AlertAction.TRIGGER, key(heartbeat.id()), title(heartbeat, row),
                SEVERITY, null, null, heartbeat.id(), null, FORMAT, row.dueAt(), details, List.of(), details.toString());
    }

    static AlertEvent resolve(Heartbeat heartbeat, Instant pingAt) {
        ObjectNode details = JsonNodeFactory.instance.objectNode()
                .put("heartbeat", heartbeat.id())
                .put("ping_at", text(pingAt));
        return new AlertEvent(key(heartbeat.id()), FORMAT, AlertAction.RESOLVE, key(heartbeat.id()),
                "Heartbeat " + heartbeat.displayName() + " pinged again", SEVERITY, null, null, heartbeat.id(), null, FORMAT,
                pingAt, details, List.of(), details.toString());
    }

    /** Resolves the alert of a heartbeat removed from the configuration: nothing could ever ping it again. */
    static AlertEvent removed(String heartbeatId, Instant at) {
        ObjectNode details = JsonNodeFactory.instance.objectNode().put("heartbeat", heartbeatId).put("removed_at", text(at));
        return new AlertEvent(key(heartbeatId), FORMAT, AlertAction.RESOLVE, key(heartbeatId),
                "Heartbeat " + heartbeatId + " removed from the configuration", SEVERITY, null, null, heartbeatId, null,
                FORMAT, at, details, List.of(), details.toString());
    }

    private static String text(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
