package dev.tocsin.bench;

import dev.tocsin.engine.Timer;
import dev.tocsin.engine.TimerEngine;
import dev.tocsin.engine.TimerHandler;
import dev.tocsin.engine.Timers;
import dev.tocsin.store.Database;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jdbi.v3.core.Handle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Timer lateness with a large backlog: {@code pending} timers wait in the table (due over the next day), then
 * {@code measured} timers come due evenly over {@code spread}; the engine runs with the real clock and each
 * firing's lateness (wall time when its handler runs in the completing transaction, minus its due time) is
 * recorded.
 */
public final class TimerBenchmark {
    private static final String KIND = "bench";
    private static final int INSERT_CHUNK = 5_000;
    private static final Duration LEAD = Duration.ofSeconds(1);

    public record Options(String databaseUrl, int pending, int measured, Duration spread) {
    }

    /** What was measured. */
    public record Result(String database, int pending, int measured, int fired, double medianMillis, double p99Millis,
                         double maxMillis, double earliestMillis) {
        public String report() {
            return String.format("database=%s pending=%d measured=%d fired=%d lateness: median=%.1f ms p99=%.1f ms "
                    + "max=%.1f ms (earliest %.1f ms; negative would be early)",
                    database, pending, measured, fired, medianMillis, p99Millis, maxMillis, earliestMillis);
        }
    }

    private final Options options;

    public TimerBenchmark(Options options) {
        this.options = options;
    }

    public Result run() throws InterruptedException {
        try (Database database = Database.open(options.databaseUrl(), new SimpleMeterRegistry())) {
            Clock clock = Clock.systemUTC();
            String run = Long.toString(System.currentTimeMillis(), 36);
            insertBacklog(database, clock, run);
            ConcurrentLinkedQueue<Long> lateness = new ConcurrentLinkedQueue<>();
            TimerEngine engine = new TimerEngine(database, clock, TimerEngine.newNodeId(), List.of(new Recorder(lateness)));
            engine.start();
            try {
                Instant first = clock.instant().plus(LEAD);
                long stepMicros = options.spread().toNanos() / 1_000 / Math.max(1, options.measured());
                database.writeAndWait(handle -> {
                    for (int i = 0; i < options.measured(); i++) {
                        Timers.schedule(handle, KIND, "bench:" + run + ":measured:" + i, "{}",
                                first.plusNanos(i * stepMicros * 1_000), clock.instant());
                    }
                    return null;
                });
                engine.wake();
                long deadline = System.currentTimeMillis() + LEAD.toMillis() + options.spread().toMillis() + 30_000;
                while (lateness.size() < options.measured() && System.currentTimeMillis() < deadline) Thread.sleep(50);
            } finally {
                engine.close();
            }
            List<Long> sorted = new ArrayList<>(lateness);
            sorted.sort(null);
            if (sorted.isEmpty()) throw new IllegalStateException("no timer fired");
            return new Result(database.dialect().name().toLowerCase(), options.pending(), options.measured(), sorted.size(),
                    sorted.get(sorted.size() / 2) / 1e3, sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1) / 1e3,
                    sorted.get(sorted.size() - 1) / 1e3, sorted.get(0) / 1e3);
        }
    }

    /** The backlog: timers due at random times over the next day, pending during the whole measurement. */
    private void insertBacklog(Database database, Clock clock, String run) {
        Random random = new Random(11);
        Instant from = clock.instant().plus(Duration.ofHours(1));
        for (int start = 0; start < options.pending(); start += INSERT_CHUNK) {
            int chunkStart = start;
            int chunkEnd = Math.min(options.pending(), start + INSERT_CHUNK);
            database.writeAndWait(handle -> {
                var batch = handle.prepareBatch("INSERT INTO timers (kind, dedup_key, payload, due_at, attempts, created_at)"
                        + " VALUES (:kind, :key, '{}', :due, 0, :now)");
                for (int i = chunkStart; i < chunkEnd; i++) {
                    batch.bind("kind", KIND).bind("key", "bench:" + run + ":pending:" + i)
                            .bind("due", from.toEpochMilli() + (long) (random.nextDouble() * Duration.ofDays(1).toMillis()))
                            .bind("now", clock.millis()).add();
                }
                return batch.execute();
            });
        }
    }

    /** Records lateness in microseconds; the backlog never comes due during a run. */
    private record Recorder(ConcurrentLinkedQueue<Long> lateness) implements TimerHandler {
        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public void fire(Handle handle, Timer timer, Instant now) {
            Instant wall = Clock.systemUTC().instant();
            lateness.add(Duration.between(timer.dueAt(), wall).toNanos() / 1_000);
        }
    }
}
