package dev.tocsin.engine;

import dev.tocsin.store.Database;
import dev.tocsin.store.Dialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Fires durable timers at their due time. It sleeps until the next due timer (read from the database), is
 * woken by {@link #wake()} when this process schedules an earlier one, and never sleeps longer than
 * {@link #MAX_SLEEP} so it notices timers that other nodes scheduled. Due timers are locked in one
 * transaction; database-only handlers fire right there, exactly once; handlers with outside work are leased
 * and go through {@link LeasedFirings}. See docs/paging.md, "Durable timers".
 * Tests call {@link #runDue(Instant)} with a controlled clock instead of starting the thread.
 */
public final class TimerEngine implements AutoCloseable {
    /** The longest sleep: how soon a timer scheduled by another node (without a wake-up here) is noticed. */
    public static final Duration MAX_SLEEP = Duration.ofSeconds(1);
    /** How long a claim holds; a node that dies loses its claims to the others after this. */
    public static final Duration LEASE = Duration.ofSeconds(5);
    /** Leases of timers still being worked on are renewed this often (well before they expire). */
    public static final Duration RENEW_EVERY = LEASE.dividedBy(3);
    /** Timers claimed in one transaction. */
    public static final int BATCH = 200;
    /** Lanes of leased timers performed at once (provider calls in parallel); see {@code WithOutsideWork.lane}. */
    public static final int PERFORMERS = 16;
    /** Attempts before a failing timer is given up (marked done with outcome {@code failed} and its error). */
    public static final int MAX_ATTEMPTS = 10;
    /** Retry backoff: doubles from the first delay up to the last. */
    public static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    public static final Duration LAST_RETRY = Duration.ofMinutes(5);
    /** The engine's retries of a failing timer, without jitter (1 s, 2 s, 4 s … 5 min, 10 attempts). */
    public static final Backoff RETRY = new Backoff(FIRST_RETRY, LAST_RETRY, MAX_ATTEMPTS, 0);
    /** How long stopping waits for the call in hand to finish before interrupting it (and again after). */
    static final Duration STOP_GRACE = Duration.ofSeconds(5);
    /** A pause when a due timer is locked by another node's claim that has not committed yet. */
    private static final Duration CONTENDED_PAUSE = Duration.ofMillis(10);
    private static final String SAVEPOINT = "tocsin_timer";
    private static final Logger LOG = LoggerFactory.getLogger(TimerEngine.class);

    private final Database database;
    private final Clock clock;
    private final String node;
    private final Map<String, TimerHandler> handlers;
    private final TimerStore store;
    private final LeasedFirings leased;
    private final Semaphore wakeups = new Semaphore(0);
    private volatile boolean running;
    private volatile Thread thread;
    private ScheduledExecutorService renewer;
    /** Guards start and stop; {@link #runDue} has its own monitor so stopping never waits for a batch. */
    private final Object lifecycle = new Object();

    /** @param node this node's id in {@code claimed_by}; unique per running process */
    public TimerEngine(Database database, Clock clock, String node, List<TimerHandler> handlers) {
        this.database = database;
        this.clock = clock;
        this.node = node;
        this.handlers = handlers.stream().collect(Collectors.toUnmodifiableMap(TimerHandler::kind, Function.identity()));
        this.store = new TimerStore(database.dialect(), this.handlers.keySet());
        this.leased = new LeasedFirings(database, store, node, this.handlers);
        if (database.dialect() == Dialect.SQLITE) {
            // SQLite has one server (the file lock refuses a second): claims left by a crash are stale now.
            database.writeAndWait(handle -> {
                store.release(handle, null);
                return null;
            });
        }
    }

    /** A node id unlikely to repeat: host/pid plus a random suffix (a restarted process is a new node). */
    public static String newNodeId() {
        return ManagementFactory.getRuntimeMXBean().getName() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public String node() {
        return node;
    }

    /** Starts the firing thread and the lease renewer. */
    public void start() {
        synchronized (lifecycle) {
            startThreads();
        }
    }

    private void startThreads() {
        if (running) return;
        running = true;
        leased.resume();
        renewer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread renewing = new Thread(runnable, "timer-lease-renewer");
            renewing.setDaemon(true);
            return renewing;
        });
        renewer.scheduleWithFixedDelay(() -> leased.renew(clock.instant().plus(LEASE)), RENEW_EVERY.toMillis(), RENEW_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        thread = new Thread(this::loop, "timer-engine");
        thread.setDaemon(true);
        thread.start();
    }

    /** Tells the engine to look again now: call after a transaction that scheduled a timer commits. Never blocks. */
    public void wake() {
        if (wakeups.availablePermits() == 0) wakeups.release();
    }

    /** False once the engine's thread has died while it should run. */
    public boolean isAlive() {
        Thread current = thread;
        return !running || current == null || current.isAlive();
    }

    private void loop() {
        while (running) {
            long sleepNanos;
            try {
                int fired = runDue(clock.instant());
                Optional<Instant> next = database.jdbi().withHandle(store::nextWake);
                sleepNanos = next.map(at -> Duration.between(clock.instant(), at).toNanos()).orElse(Long.MAX_VALUE);
                // Something due that we could not claim: another node's claim has not committed yet.
                if (sleepNanos <= 0 && fired == 0) sleepNanos = CONTENDED_PAUSE.toNanos();
                sleepNanos = Math.max(0, Math.min(sleepNanos, MAX_SLEEP.toNanos()));
            } catch (RuntimeException e) {
                if (!running) return;
                LOG.warn("Firing timers failed; trying again shortly", e);
                sleepNanos = MAX_SLEEP.toNanos();
            }
            try {
                if (sleepNanos > 0 && wakeups.tryAcquire(sleepNanos, TimeUnit.NANOSECONDS)) wakeups.drainPermits();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * Claims and fires every timer due at {@code now}, synchronously; returns how many fired. The loop calls
     * it with the clock's time; tests call it directly to fast-forward.
     */
    public synchronized int runDue(Instant now) {
        int fired = 0;
        while (true) {
            Instant expires = now.plus(LEASE);
            if (leased.stopping()) return fired;
            Pass pass = database.writeAndWait(handle -> firstPass(handle, now, expires));
            fired += pass.firedInline();
            fired += leased.fire(pass.leased(), now);
            if (pass.due() < BATCH || leased.stopping()) return fired;
        }
    }

    /** What one locking transaction did: fired the database-only timers, leased the others. */
    private record Pass(int due, int firedInline, List<Timer> leased) {
    }

    private Pass firstPass(org.jdbi.v3.core.Handle handle, Instant now, Instant expires) {
        List<Timer> due = store.due(handle, now, BATCH);
        List<Timer> toLease = new ArrayList<>();
        int fired = 0;
        for (Timer timer : due) {
            TimerHandler handler = handlers.get(timer.kind());
            if (handler instanceof TimerHandler.WithOutsideWork) {
                toLease.add(timer);
            } else if (fireInline(handle, handler, timer, now)) {
                fired++;
            }
        }
        store.lease(handle, toLease, node, expires);
        return new Pass(due.size(), fired, toLease);
    }

    /**
     * Fires a database-only timer inside the locking transaction. A savepoint keeps a failing handler's
     * writes out while the failure itself (attempt, error, retry time) is recorded.
     */
    private boolean fireInline(org.jdbi.v3.core.Handle handle, TimerHandler handler, Timer timer, Instant now) {
        handle.savepoint(SAVEPOINT);
        try {
            store.fired(handle, timer.id(), now);
            handler.fire(handle, timer, now);
            handle.releaseSavepoint(SAVEPOINT);
            return true;
        } catch (RuntimeException e) {
            handle.rollbackToSavepoint(SAVEPOINT);   // Jdbi forgets the savepoint here; the commit ends it
            LOG.warn("Timer {} ({}) failed", timer.id(), timer.kind(), e);
            Instant retryAt = RETRY.exhausted(timer.attempts()) ? null : now.plus(retryDelay(timer.attempts()));
            store.failedUnleased(handle, timer.id(), now, retryAt, e.toString());
            return false;
        }
    }

    /** The delay before attempt {@code attempts + 1}: 1 s, 2 s, 4 s … up to {@link #LAST_RETRY}. */
    static Duration retryDelay(int attempts) {
        return RETRY.longest(attempts);
    }

    /** Stops the threads and hands this node's claims back so other nodes need not wait for the lease. */
    @Override
    public void close() {
        if (!stopThreads()) return;
        try {
            database.writeAndWait(handle -> {
                store.release(handle, node);
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("Could not release timer claims; other nodes take them when the lease expires", e);
        }
    }

    /** How many claimed timers this node is working on right now (for tests). */
    int inFlight() {
        return leased.inFlight();
    }

    int inFlight(String kind) {
        return leased.inFlight(kind);
    }

    /**
     * Stops like a crash (for tests): the threads end, nothing more is performed or written for the timers in hand
     * (interrupting the firing thread alone would let it go on through its leased batch, calling providers and
     * releasing claims), and the claims stay until their leases expire.
     */
    void halt() {
        leased.halt();
        stopThreads();
    }

    private boolean stopThreads() {
        synchronized (lifecycle) {
            return stopThreadsLocked();
        }
    }

    private boolean stopThreadsLocked() {
        boolean wasRunning = running;
        running = false;
        // The call in hand is let finish and complete (its lease still renewed) before the thread is interrupted:
        // provider clients answer an interrupt with a failure, so interrupting at once turned a page Twilio had
        // accepted into a "failed (interrupted)" retry, i.e. a second SMS, on every clean shutdown.
        leased.stopAfterCurrent();
        wake();
        Thread firing = thread;
        try {
            if (firing != null) {
                firing.join(STOP_GRACE.toMillis());
                if (firing.isAlive()) {
                    firing.interrupt();
                    firing.join(STOP_GRACE.toMillis());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (renewer != null) renewer.shutdownNow();
        }
        return wasRunning || firing == null;
    }
}
