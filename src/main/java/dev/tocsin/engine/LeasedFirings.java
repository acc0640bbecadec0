package dev.tocsin.engine;

import dev.tocsin.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The leased path of the {@link TimerEngine}, for {@link TimerHandler.WithOutsideWork}: perform the outside
 * work while holding the lease (renewed meanwhile), then complete and fire in one transaction if the timer is
 * still pending and still ours; a failure releases the timer for a retry with backoff.
 */
final class LeasedFirings {
    private static final Logger LOG = LoggerFactory.getLogger(LeasedFirings.class);

    private final Database database;
    private final TimerStore store;
    private final String node;
    private final Map<String, TimerHandler> handlers;
    /** The timers being worked on, by id, with their kind. */
    private final Map<Long, String> inFlight = new ConcurrentHashMap<>();
    /** Set by {@link TimerEngine#halt()}: do nothing more, as if the process had died (claims stay leased). */
    private volatile boolean halted;
    /** Set when the engine stops: finish the timer in hand, start no other (close() hands their claims back). */
    private volatile boolean stopping;

    /**
     * Threads performing lanes in parallel; idle ones end after a while, so a stopped engine leaves none behind.
     * A lane that throws is caught inside {@link #performLane}, so a lane never fails the batch.
     */
    private final ThreadPoolExecutor performers = new ThreadPoolExecutor(TimerEngine.PERFORMERS, TimerEngine.PERFORMERS,
            30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), runnable -> {
                Thread thread = new Thread(runnable, "timer-performer");
                thread.setDaemon(true);
                return thread;
            });

    LeasedFirings(Database database, TimerStore store, String node, Map<String, TimerHandler> handlers) {
        performers.allowCoreThreadTimeOut(true);
        this.database = database;
        this.store = store;
        this.node = node;
        this.handlers = handlers;
    }

    int inFlight() {
        return inFlight.size();
    }

    int inFlight(String kind) {
        return (int) inFlight.values().stream().filter(kind::equals).count();
    }

    void halt() {
        halted = true;
        stopping = true;
    }

    void stopAfterCurrent() {
        stopping = true;
    }

    /** Started again after a stop (not after a halt: a halted engine stays dead). */
    void resume() {
        stopping = halted;
    }

    /** Stopping or halted: no new pass, no next timer. */
    boolean stopping() {
        return stopping;
    }

    /** Performs and completes timers this node has leased; returns how many fired. */
    int fire(List<Timer> claimed, Instant now) {
        claimed.forEach(timer -> inFlight.put(timer.id(), timer.kind()));
        try {
            return performAndComplete(claimed, now);
        } finally {
            claimed.forEach(timer -> inFlight.remove(timer.id()));
        }
    }

    /**
     * Performs the lanes of a batch in parallel (see {@link TimerHandler.WithOutsideWork#lane}), so that one slow
     * provider call does not hold up every other page of the batch, and so that the claim and completion writes
     * of many timers share group commits instead of paying one commit each, one after the other. A stop lets
     * every lane finish the call in hand (see {@link #stopAfterCurrent}).
     */
    private int performAndComplete(List<Timer> claimed, Instant now) {
        Map<Object, List<Timer>> lanes = new LinkedHashMap<>();
        for (Timer timer : claimed) {
            var handler = (TimerHandler.WithOutsideWork) handlers.get(timer.kind());
            lanes.computeIfAbsent(List.of(timer.kind(), handler.lane(timer)), lane -> new ArrayList<>()).add(timer);
        }
        if (lanes.size() <= 1) return performLane(claimed, now);
        List<CompletableFuture<Integer>> running = new ArrayList<>(lanes.size());
        for (List<Timer> lane : lanes.values()) running.add(CompletableFuture.supplyAsync(() -> performLane(lane, now), performers));
        int fired = 0;
        for (CompletableFuture<Integer> lane : running) fired += lane.join();
        return fired;
    }

    private int performLane(List<Timer> claimed, Instant now) {
        List<CompletableFuture<Boolean>> completions = new ArrayList<>(claimed.size());
        List<Timer> completing = new ArrayList<>(claimed.size());
        List<Object> outcomes = new ArrayList<>(claimed.size());
        for (Timer timer : claimed) {
            if (stopping) break;
            // The store only hands out kinds this node has handlers for, and only these kinds are leased.
            var handler = (TimerHandler.WithOutsideWork) handlers.get(timer.kind());
            Object outcome;
            try {
                outcome = handler.perform(timer, now);
            } catch (Exception e) {
                if (e instanceof InterruptedException) Thread.currentThread().interrupt();
                if (halted) break;
                failed(timer, now, e.toString());
                continue;
            }
            // Halted during the outside work: its outcome dies with the "process", the lease stays to expire.
            if (halted) break;
            completing.add(timer);
            outcomes.add(outcome);
            completions.add(database.write(handle -> {
                if (!store.complete(handle, timer.id(), node, now)) {
                    handler.completeCancelled(handle, timer, now, outcome);
                    return false;
                }
                handler.complete(handle, timer, now, outcome);
                return true;
            }));
        }
        int fired = 0;
        for (int i = 0; i < completions.size(); i++) {
            try {
                if (completions.get(i).join()) fired++;
            } catch (RuntimeException e) {
                RuntimeException cause = Database.unwrap(e);
                if (halted) continue;
                LOG.warn("Timer {} ({}) failed", completing.get(i).id(), completing.get(i).kind(), cause);
                failed(completing.get(i), now, cause.toString());
            }
        }
        return fired;
    }

    private void failed(Timer timer, Instant now, String error) {
        if (TimerEngine.RETRY.exhausted(timer.attempts())) {
            LOG.error("Timer {} ({} {}) gave up after {} attempts: {}", timer.id(), timer.kind(), timer.key(),
                    timer.attempts(), error);
            database.writeAndWait(handle -> {
                store.giveUp(handle, timer.id(), node, now, error);
                return null;
            });
            return;
        }
        Instant retryAt = now.plus(TimerEngine.retryDelay(timer.attempts()));
        database.writeAndWait(handle -> {
            store.retry(handle, timer.id(), node, retryAt, error);
            return null;
        });
    }

    /** Extends the leases of the timers still being worked on. */
    void renew(Instant expires) {
        try {
            if (halted || inFlight.isEmpty()) return;
            Set<Long> ids = Set.copyOf(inFlight.keySet());
            database.writeAndWait(handle -> {
                store.renew(handle, node, ids, expires);
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("Renewing timer leases failed", e);
        }
    }
}
