package dev.tocsin.engine;

import dev.tocsin.store.Database;
import dev.tocsin.testing.TestDatabases;
import dev.tocsin.testing.TestDatabases.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Precision is the thing measured, so this test waits for real time: 200 timers due within 2 s must fire with
 * a p99 lateness of at most 100 ms. On a loaded machine one bad second can happen; the measurement is
 * retried once before it fails.
 */
class TimerPrecisionTest {
    private static final int TIMERS = 200;
    private static final long SPREAD_MILLIS = 2_000;
    private static final long P99_LIMIT_MILLIS = 100;

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void timersFireWithinAHundredMillisecondsOfTheirDueTime(TestDatabases.Kind kind) throws Exception {
        long p99 = measureP99(kind);
        if (p99 > P99_LIMIT_MILLIS) {
            System.err.println("timer lateness p99 " + p99 + " ms on " + kind + "; measuring once more");
            p99 = measureP99(kind);
        }
        assertThat(p99).isLessThanOrEqualTo(P99_LIMIT_MILLIS);
    }

    private static long measureP99(TestDatabases.Kind kind) throws InterruptedException {
        try (TestDatabase testDatabase = TestDatabases.create(kind);
             Database database = Database.open(testDatabase.url(), new SimpleMeterRegistry())) {
            Fired.createTable(database);
            Clock clock = Clock.systemUTC();
            TimerEngine engine = new TimerEngine(database, clock, TimerEngine.newNodeId(), List.of(new Fired()));
            engine.start();
            try {
                // The engine is asleep (nothing is pending) when these arrive; only wake() makes it look again.
                Instant first = clock.instant().plusMillis(300);
                database.writeAndWait(handle -> {
                    for (int i = 0; i < TIMERS; i++) {
                        Timers.schedule(handle, Fired.KIND, "precision:" + i, "{}",
                                first.plusMillis(i * SPREAD_MILLIS / TIMERS), clock.instant());
                    }
                    return null;
                });
                engine.wake();
                long deadline = System.currentTimeMillis() + 300 + SPREAD_MILLIS + 5_000;
                while (Fired.keys(database).size() < TIMERS && System.currentTimeMillis() < deadline) Thread.sleep(50);
            } finally {
                engine.close();
            }
            List<Long> lateness = new ArrayList<>(Fired.latenessMillis(database));
            assertThat(lateness).hasSize(TIMERS);
            assertThat(lateness).allMatch(late -> late >= 0, "no timer fires early");
            lateness.sort(null);
            long p99 = lateness.get((int) Math.ceil(TIMERS * 0.99) - 1);
            System.out.println("timer lateness on " + kind + ": median " + lateness.get(TIMERS / 2) + " ms, p99 "
                    + p99 + " ms, max " + lateness.get(TIMERS - 1) + " ms");
            return p99;
        }
    }
}
