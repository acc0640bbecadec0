package dev.tocsin.store;

import io.micrometer.core.instrument.MeterRegistry;
import org.jdbi.v3.core.Jdbi;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One or more group-commit writers. SQLite has exactly one writer, so it gets one lane. On PostgreSQL a
 * commit costs network round trips rather than a local fsync, and the server commits transactions in
 * parallel, so several lanes multiply throughput. Writes that must stay in order (events for one alert)
 * carry the same order key and so always take the same lane; writes without a key take lane 0.
 *
 * <p>Two lanes on PostgreSQL is measured, not guessed: on the 2-core reference machine 1, 2, 3, 4 and 8 lanes
 * gave about 2.7k, 4.8k, 4.1k, 4.3k and 3.3k events/s (docs/benchmarks.md); past two, the extra threads cost
 * more CPU than the parallel commits save.
 */
public final class WriterLanes implements AutoCloseable {
    public static final int SQLITE_LANES = 1;
    public static final int POSTGRESQL_LANES = 2;

    private final List<GroupCommitWriter> lanes = new ArrayList<>();

    public WriterLanes(Jdbi jdbi, MeterRegistry metrics, int count) {
        for (int i = 0; i < count; i++) {
            lanes.add(new GroupCommitWriter(jdbi, metrics, GroupCommitWriter.DEFAULT_MAX_BATCH,
                    GroupCommitWriter.DEFAULT_QUEUE_CAPACITY, count == 1 ? "tocsin-writer" : "tocsin-writer-" + i));
        }
    }

    /** Whether every lane's thread still runs. */
    public boolean isAlive() {
        return lanes.stream().allMatch(GroupCommitWriter::isAlive);
    }

    public <T> CompletableFuture<T> submit(WriteJob<T> job) {
        return lanes.get(0).submit(job);
    }

    public <T> CompletableFuture<T> submit(String orderKey, WriteJob<T> job) {
        return lanes.get(Math.floorMod(orderKey.hashCode(), lanes.size())).submit(job);
    }

    @Override
    public void close() {
        lanes.forEach(GroupCommitWriter::close);
    }
}
