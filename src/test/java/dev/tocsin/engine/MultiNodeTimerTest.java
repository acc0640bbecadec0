package dev.tocsin.engine;

import dev.tocsin.store.Database;
import dev.tocsin.testing.TestDatabases;
import dev.tocsin.testing.TestDatabases.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three nodes on one PostgreSQL database share 1,000 timers; one of them dies mid-run holding claims. Every
 * timer still fires exactly once: its claims pass to the others when the lease expires.
 */
class MultiNodeTimerTest {
    private static final int TIMERS = 1_000;

    @Test
    void everyTimerFiresExactlyOnceWhenANodeDiesHoldingClaims() throws Exception {
        // The outside work of each firing takes 3 ms, so a node is always in the middle of a leased batch; like a
        // provider client it answers an interrupt rather than throwing, so only halt() itself can stop the node.
        run(new Fired.Provider(3), true);
    }

    @Test
    void everyDatabaseOnlyTimerFiresExactlyOnceWhenANodeDies() throws Exception {
        // Database-only handlers fire in the locking transaction: a dying node's transaction just rolls back.
        run(new Fired(), false);
    }

    private void run(TimerHandler handler, boolean leased) throws Exception {
        try (TestDatabase testDatabase = TestDatabases.postgres()) {
            List<Database> databases = new ArrayList<>();
            List<TimerEngine> engines = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) databases.add(Database.open(testDatabase.url(), new SimpleMeterRegistry()));
                Database shared = databases.get(0);
                Fired.createTable(shared);
                Clock clock = Clock.systemUTC();
                Instant first = clock.instant().plusMillis(200);
                shared.writeAndWait(handle -> {
                    for (int i = 0; i < TIMERS; i++) {
                        Timers.schedule(handle, Fired.KIND, "multi:" + i, "{}", first.plusMillis(i), clock.instant());
                    }
                    return null;
                });
                for (int i = 0; i < 3; i++) {
                    TimerEngine engine = new TimerEngine(databases.get(i), clock, "node-" + i, List.of(handler));
                    engines.add(engine);
                    engine.start();
                }
                TimerEngine victim = engines.get(1);
                if (leased) {
                    long waitForClaims = System.currentTimeMillis() + 10_000;
                    while (victim.inFlight() == 0 && System.currentTimeMillis() < waitForClaims) Thread.sleep(1);
                    assertThat(victim.inFlight()).as("the node to kill holds claims").isPositive();
                } else {
                    // mid-run (scheduling may have taken longer than the 200 ms head start on a busy machine)
                    Thread.sleep(Math.max(0, Duration.between(clock.instant(), first).toMillis()) + 300);
                }
                victim.halt();
                long stoppedAt = System.currentTimeMillis();
                long leftClaimed = shared.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT COUNT(*) FROM timers WHERE done_at IS NULL AND claimed_by = 'node-1'").mapTo(Long.class).one());
                // A crash hands nothing back: what it held waits for its lease to expire. (halt() once only interrupted
                // the firing thread, which went on through its leased batch and the next ones, firing them all.)
                if (leased) assertThat(leftClaimed).as("claims the dead node left to expire").isPositive();

                long deadline = stoppedAt + TimerEngine.LEASE.toMillis() + 15_000;
                while (Fired.keys(shared).size() < TIMERS && System.currentTimeMillis() < deadline) Thread.sleep(100);
                Thread.sleep(500);   // any double firing would land now

                List<String> fired = Fired.keys(shared);
                assertThat(fired).hasSize(TIMERS);
                assertThat(new HashSet<>(fired)).hasSize(TIMERS);
                long takenOver = shared.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT COUNT(*) FROM timers WHERE attempts > 1").mapTo(Long.class).one());
                if (leased) assertThat(takenOver).as("timers whose claim passed from the dead node to another").isPositive();
                assertThat(shared.jdbi().withHandle(Timers::pendingCount)).isZero();
                System.out.println("multi-node: " + TIMERS + " timers fired once each; the dead node left " + leftClaimed
                        + " claims; " + takenOver + " taken over from the dead node; all done " + (System.currentTimeMillis() - stoppedAt)
                        + " ms after it stopped");
            } finally {
                engines.forEach(TimerEngine::close);
                databases.forEach(Database::close);
            }
        }
    }
}
