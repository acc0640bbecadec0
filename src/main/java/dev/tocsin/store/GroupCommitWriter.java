package dev.tocsin.store;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Serialises every write through one thread and commits concurrent writes together.
 *
 * <p>Durability costs one fsync per commit; by draining whatever queued up while the previous commit was
 * syncing, N concurrent callers share one fsync instead of paying N. A caller's future completes only after
 * the commit that holds its work returned, so "answered" implies "durable".
 *
 * <p>If any job in a batch fails, the whole transaction is rolled back and each job is re-run in its own
 * transaction, so one bad job never takes its neighbours down and never leaves half its work behind. A job that
 * lost a race with another transaction ({@link WriteConflict}) is run again, alone, up to {@link #CONFLICT_ATTEMPTS}
 * times.
 * Jobs therefore must be pure database work (no side effects outside the handle).
 */
public final class GroupCommitWriter implements AutoCloseable {
    public static final int DEFAULT_MAX_BATCH = 512;
    public static final int DEFAULT_QUEUE_CAPACITY = 20_000;
    /** How often a job that lost a race with another transaction is run (alone) before its caller is told. */
    static final int CONFLICT_ATTEMPTS = 20;

    private static final Logger log = LoggerFactory.getLogger(GroupCommitWriter.class);

    private record Pending<T>(WriteJob<T> job, CompletableFuture<T> future) {
        void runInto(Handle handle, List<Runnable> completions) throws Exception {
            T result = job.run(handle);
            completions.add(() -> future.complete(result));
        }
    }

    private final Jdbi jdbi;
    private final BlockingQueue<Pending<?>> queue;
    private final int maxBatch;
    private final Thread thread;
    private final Timer commitTimer;
    private final DistributionSummary batchSize;
    private final io.micrometer.core.instrument.Counter conflictsRetried;
    private volatile boolean running = true;
    private volatile Error died;
    /** The writer's own connection, kept open with its prepared statements; reopened after a failure. */
    private Handle handle;

    public GroupCommitWriter(Jdbi jdbi, MeterRegistry metrics, int maxBatch, int queueCapacity) {
        this(jdbi, metrics, maxBatch, queueCapacity, "tocsin-writer");
    }

    public GroupCommitWriter(Jdbi jdbi, MeterRegistry metrics, int maxBatch, int queueCapacity, String threadName) {
        this.jdbi = jdbi;
        this.maxBatch = maxBatch;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.commitTimer = Timer.builder("tocsin.db.commit")
                .description("Time to run and commit one group of writes")
                .publishPercentileHistogram()
                .register(metrics);
        this.batchSize = DistributionSummary.builder("tocsin.db.commit.batch")
                .description("Writes committed together in one transaction")
                .register(metrics);
        this.conflictsRetried = io.micrometer.core.instrument.Counter.builder("tocsin.db.conflicts.retried")
                .description("Write transactions run again because another transaction changed what they read")
                .register(metrics);
        this.thread = new Thread(this::loop, threadName);
        this.thread.setDaemon(false);
        this.thread.start();
    }

    /** False once the writer thread has died while it should run (an Error such as OutOfMemoryError ended it). */
    public boolean isAlive() {
        return died == null && (!running || thread.isAlive());
    }

    /** Queues a job; the future completes after the job's transaction committed. */
    public <T> CompletableFuture<T> submit(WriteJob<T> job) {
        CompletableFuture<T> future = new CompletableFuture<>();
        if (!running || died != null) {
            future.completeExceptionally(new StorageException(died != null ? "the database writer died: " + died
                    : "the database writer is shut down"));
            return future;
        }
        if (!queue.offer(new Pending<>(job, future))) {
            future.completeExceptionally(new StorageException("the database writer is overloaded; retry shortly"));
        }
        if (died != null) failRemaining();   // the writer died while this was queued: nobody will run it
        return future;
    }

    private void loop() {
        List<Pending<?>> batch = new ArrayList<>(maxBatch);
        while (running || !queue.isEmpty()) {
            try {
                Pending<?> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) continue;
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                log.error("writer loop failed", e);
            } catch (Error e) {
                // An Error (OutOfMemoryError) ends the writer: whoever waits on a write is told at once rather than
                // waiting forever, and the node's vitals report it so the process is restarted.
                died = e;
                log.error("the database writer died; this node can write nothing more", e);
                for (Pending<?> pending : batch) pending.future().completeExceptionally(new StorageException("the database writer died: " + e));
                failRemaining();
                throw e;
            } finally {
                batch.clear();
            }
        }
        failRemaining();
        if (handle != null) handle.close();
    }

    private Handle handle() {
        if (handle == null) {
            handle = jdbi.open();
            handle.setStatementBuilder(new CachingStatementBuilder());
        }
        return handle;
    }

    /** After a failure the connection may be broken (database restarted): start again with a fresh one. */
    private void discardHandleIfBroken() {
        if (handle == null) return;
        boolean valid;
        try {
            valid = handle.getConnection().isValid(1);
        } catch (java.sql.SQLException e) {
            valid = false;
        }
        if (!valid) {
            try {
                handle.close();
            } catch (RuntimeException ignored) {
                // already broken
            }
            handle = null;
        }
    }

    private void commit(List<Pending<?>> batch) {
        long start = System.nanoTime();
        List<Runnable> completions = new ArrayList<>(batch.size());
        try {
            handle().useTransaction(transaction -> {
                for (Pending<?> pending : batch) pending.runInto(transaction, completions);
            });
            completions.forEach(Runnable::run);
            batchSize.record(batch.size());
        } catch (Exception batchFailure) {
            discardHandleIfBroken();
            boolean conflict = isConflict(batchFailure);
            if (conflict) conflictsRetried.increment();
            if (batch.size() == 1 && !conflict) {
                fail(batch.get(0), batchFailure);
            } else {
                batch.forEach(this::commitAlone);
            }
        } finally {
            commitTimer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    private void commitAlone(Pending<?> pending) {
        for (int attempt = 1; ; attempt++) {
            List<Runnable> completions = new ArrayList<>(1);
            try {
                handle().useTransaction(transaction -> pending.runInto(transaction, completions));
                completions.forEach(Runnable::run);
                return;
            } catch (Exception e) {
                discardHandleIfBroken();
                if (attempt < CONFLICT_ATTEMPTS && isConflict(e)) {
                    conflictsRetried.increment();
                    continue;
                }
                fail(pending, e);
                return;
            }
        }
    }

    /**
     * A job that lost a race with another transaction ({@link WriteConflict}, a PostgreSQL deadlock or serialization
     * failure): running it again reads what the winner wrote.
     */
    static boolean isConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof WriteConflict) return true;
            if (cause instanceof java.sql.SQLException sql
                    && ("40P01".equals(sql.getSQLState()) || "40001".equals(sql.getSQLState()))) return true;
        }
        return false;
    }

    private static void fail(Pending<?> pending, Exception cause) {
        Throwable reported = cause;
        if (cause instanceof org.jdbi.v3.core.JdbiException || cause instanceof java.sql.SQLException) {
            reported = new StorageException("database write failed: " + cause.getMessage(), cause);
        }
        pending.future().completeExceptionally(reported);
    }

    private void failRemaining() {
        Pending<?> pending;
        while ((pending = queue.poll()) != null) {
            pending.future().completeExceptionally(new StorageException("the database writer is shut down"));
        }
    }

    /** Stops taking work, commits what is queued, then returns. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
