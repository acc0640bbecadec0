package dev.tocsin.heartbeat;

import dev.tocsin.engine.Timer;
import dev.tocsin.engine.Timers;
import dev.tocsin.refusal.Refusal;
import dev.tocsin.incident.AlertIntake;
import dev.tocsin.store.Database;
import org.jdbi.v3.core.Handle;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Records heartbeat pings and keeps each heartbeat's deadline timer in step with its pings and its configuration.
 *
 * <p>A ping moves the deadline in the {@code heartbeats} row but does not replace the pending timer when that
 * timer is due no later than the new deadline: the timer then fires early, finds the deadline moved and schedules
 * itself again for it ({@link HeartbeatCheck}). So a job pinging every few seconds writes one row update per ping,
 * not a cancelled timer row per ping, and the timers table grows by at most one row per interval.
 */
public final class Heartbeats {
    private final Database database;
    /** The heartbeats the configuration in force declares, in file order. */
    private final Supplier<List<Heartbeat>> configured;
    private final AlertIntake intake;
    private final Clock clock;
    private final Runnable wakeTimers;

    /** @param wakeTimers called after a write that scheduled a timer committed ({@code TimerEngine::wake}) */
    public Heartbeats(Database database, Supplier<List<Heartbeat>> configured, AlertIntake intake, Clock clock,
                      Runnable wakeTimers) {
        this.database = database;
        this.configured = configured;
        this.intake = intake;
        this.clock = clock;
        this.wakeTimers = wakeTimers;
    }

    /** What one ping did. */
    public record Ping(String heartbeatId, HeartbeatState previousState, Instant dueAt, Long resolvedIncidentId) {
    }

    static Optional<Heartbeat> configured(List<Heartbeat> heartbeats, String heartbeatId) {
        return heartbeats.stream().filter(heartbeat -> heartbeat.id().equals(heartbeatId)).findFirst();
    }

    /**
     * Records a ping of {@code heartbeatId}: the deadline moves to now + interval + grace and, if the heartbeat
     * had expired, its incident's alert is resolved. Completes once committed.
     *
     * @param presentedKey the key the caller sent ({@code ?key=} or bearer token), or null
     * @throws Refusal 404 for an unknown heartbeat, 403 for a missing or wrong key
     */
    public CompletableFuture<Ping> ping(String heartbeatId, String presentedKey) {
        Instant now = clock.instant();
        Heartbeat heartbeat = configured(configured.get(), heartbeatId)
                .orElseThrow(() -> Refusal.notFound("heartbeat '" + heartbeatId + "'"));
        if (heartbeat.key() != null && !sameKey(heartbeat.key().value(), presentedKey)) {
            throw Refusal.forbidden(presentedKey == null || presentedKey.isEmpty()
                    ? "heartbeat '" + heartbeatId + "' needs its key: add ?key=… or an 'Authorization: Bearer …' header"
                    : "wrong key for heartbeat '" + heartbeatId + "'");
        }
        return database.write(HeartbeatEvents.key(heartbeatId), handle -> recordPing(handle, heartbeat, now))
                .thenApply(ping -> {
                    wakeTimers.run();
                    return ping;
                });
    }

    private Ping recordPing(Handle handle, Heartbeat heartbeat, Instant now) {
        HeartbeatRow row = rowFor(handle, heartbeat, now);
        Long resolved = null;
        if (row.state() == HeartbeatState.EXPIRED) {
            intake.applyWithin(handle, HeartbeatEvents.resolve(heartbeat, now), heartbeat.serviceId(), now);
            resolved = row.incidentId();
        }
        Instant due = heartbeat.deadlineAfter(now);
        HeartbeatStore.update(handle, new HeartbeatRow(row.heartbeatId(), HeartbeatState.OK, row.startedAt(), now, due,
                row.pings() + 1, null, row.expiredAt()));
        keepTimer(handle, heartbeat.id(), due, now);
        return new Ping(heartbeat.id(), row.state(), due, resolved);
    }

    /** The heartbeat's row, created (clock starting now) if the server has not seen it yet, and locked. */
    private static HeartbeatRow rowFor(Handle handle, Heartbeat heartbeat, Instant now) {
        HeartbeatStore.insertIfAbsent(handle, new HeartbeatRow(heartbeat.id(), HeartbeatState.NEVER, now, null,
                heartbeat.deadlineAfter(now), 0, null, null));
        return HeartbeatStore.lockAndFind(handle, heartbeat.id()).orElseThrow();
    }

    /**
     * Makes sure a timer fires no later than {@code due}: one already pending at or before it is kept (it will
     * reschedule itself when it finds the deadline moved); a later one is replaced.
     */
    static void keepTimer(Handle handle, String heartbeatId, Instant due, Instant now) {
        String key = HeartbeatEvents.key(heartbeatId);
        Optional<Timer> pending = Timers.pending(handle, key);
        if (pending.isPresent() && !pending.get().dueAt().isAfter(due)) return;
        pending.ifPresent(timer -> Timers.cancel(handle, key, now));
        Timers.schedule(handle, HeartbeatCheck.KIND, key, HeartbeatCheck.payload(heartbeatId), due, now);
    }

    /**
     * Brings the stored state in line with the configuration in force: a heartbeat seen for the first time starts
     * its clock now (state {@code never}); a changed interval or grace moves the deadline of a running one; a
     * removed one loses its row and timer, and its open incident is resolved (nothing could ever ping it again).
     * Runs at start-up and after every configuration change.
     */
    public void sync() {
        List<Heartbeat> current = configured.get();
        Instant now = clock.instant();
        database.writeAndWait(handle -> {
            Set<String> configuredIds = new HashSet<>();
            for (Heartbeat heartbeat : current) {
                configuredIds.add(heartbeat.id());
                HeartbeatRow row = rowFor(handle, heartbeat, now);
                if (row.state() == HeartbeatState.EXPIRED) continue;   // waits for a ping; no timer runs meanwhile
                Instant due = heartbeat.deadlineAfter(row.clockStart());
                if (!due.equals(row.dueAt())) {
                    HeartbeatStore.update(handle, new HeartbeatRow(row.heartbeatId(), row.state(), row.startedAt(),
                            row.lastPingAt(), due, row.pings(), row.incidentId(), row.expiredAt()));
                }
                keepTimer(handle, heartbeat.id(), due, now);
            }
            for (String id : HeartbeatStore.ids(handle)) {
                if (configuredIds.contains(id)) continue;
                HeartbeatRow row = HeartbeatStore.lockAndFind(handle, id).orElseThrow();
                if (row.state() == HeartbeatState.EXPIRED) {
                    intake.applyWithin(handle, HeartbeatEvents.removed(id, now), null, now);
                }
                HeartbeatStore.delete(handle, id);
                Timers.cancel(handle, HeartbeatEvents.key(id), now);
            }
            return null;
        });
        wakeTimers.run();
    }

    /** Every configured heartbeat with its state, in configuration order. */
    public List<HeartbeatStatus> list() {
        Map<String, HeartbeatRow> rows = database.jdbi().withHandle(HeartbeatStore::all).stream()
                .collect(Collectors.toMap(HeartbeatRow::heartbeatId, Function.identity()));
        return configured.get().stream()
                .map(heartbeat -> HeartbeatStatus.of(heartbeat, rows.get(heartbeat.id())))
                .toList();
    }

    /** One heartbeat with its state; 404 if it is not configured. */
    public HeartbeatStatus get(String heartbeatId) {
        Heartbeat heartbeat = configured(configured.get(), heartbeatId)
                .orElseThrow(() -> Refusal.notFound("heartbeat '" + heartbeatId + "'"));
        return HeartbeatStatus.of(heartbeat, database.jdbi().withHandle(handle -> HeartbeatStore.find(handle, heartbeatId))
                .orElse(null));
    }

    /** Compares in constant time so the key cannot be guessed from response times. */
    private static boolean sameKey(String expected, String presented) {
        if (presented == null) return false;
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }
}
