package dev.tocsin.engine;

import dev.tocsin.store.Database;
import dev.tocsin.testing.SettableClock;
import dev.tocsin.testing.TestDatabases;
import dev.tocsin.testing.TestDatabases.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A recurring job on the timer engine: one pending run however many nodes schedule it, each run writes once and
 * schedules the next, and a failing run neither writes half its work nor stops the job. SQLite and PostgreSQL.
 */
class RecurringTest {
    private static final Instant START = Instant.parse("2026-11-25T03:00:00Z");
    private static final Duration EVERY = Duration.ofMinutes(1);

    /** Writes one row in {@code fired} per run, keyed by what prepare() saw; fails when told to. */
    private static final class Job implements Recurring.Job {
        final List<Instant> prepared = new ArrayList<>();
        boolean failPrepare;
        boolean failWrite;

        @Override
        public Object prepare(Instant now) {
            prepared.add(now);
            if (failPrepare) throw new IllegalStateException("on-call computation failed");
            return "run@" + now;
        }

        @Override
        public void write(Handle handle, Object prepared, Instant now) {
            handle.createUpdate("INSERT INTO fired (timer_key, due_at, fired_at, wall_millis) VALUES (:key, 0, :now, 0)")
                    .bind("key", (String) prepared).bind("now", now.toEpochMilli()).execute();
            if (failWrite) throw new IllegalStateException("constraint violated");
        }
    }

    private static long pending(Database database, String key) {
        return database.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT COUNT(*) FROM timers WHERE dedup_key = :key AND done_at IS NULL").bind("key", key).mapTo(Long.class).one());
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void runsOncePerIntervalAndSchedulesItsNextRun(TestDatabases.Kind kind) {
        try (TestDatabase testDatabase = TestDatabases.create(kind);
             Database database = Database.open(testDatabase.url(), new SimpleMeterRegistry())) {
            Fired.createTable(database);
            Job job = new Job();
            Recurring recurring = new Recurring("sweep", EVERY, job);
            TimerEngine engine = new TimerEngine(database, new SettableClock(START), "node-a", List.of(recurring));

            // Every node calls this when it starts: one run is pending however many do.
            assertThat((boolean) database.writeAndWait(handle -> recurring.ensureScheduled(handle, START, START))).isTrue();
            assertThat((boolean) database.writeAndWait(handle -> recurring.ensureScheduled(handle, START, START))).isFalse();
            assertThat(pending(database, "sweep:tick")).isEqualTo(1);

            assertThat(engine.runDue(START)).isEqualTo(1);
            assertThat(engine.runDue(START.plus(EVERY).minusMillis(1))).as("not before the interval").isZero();
            assertThat(engine.runDue(START.plus(EVERY))).isEqualTo(1);

            assertThat(Fired.keys(database)).containsExactly("run@" + START, "run@" + START.plus(EVERY));
            assertThat(database.jdbi().withHandle(handle -> Timers.pending(handle, "sweep:tick")).orElseThrow().dueAt())
                    .isEqualTo(START.plus(EVERY.multipliedBy(2)));
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void aFailingRunWritesNothingAndTheNextRunComesAsUsual(TestDatabases.Kind kind) {
        try (TestDatabase testDatabase = TestDatabases.create(kind);
             Database database = Database.open(testDatabase.url(), new SimpleMeterRegistry())) {
            Fired.createTable(database);
            Job job = new Job();
            Recurring recurring = new Recurring("sweep", EVERY, job);
            TimerEngine engine = new TimerEngine(database, new SettableClock(START), "node-a", List.of(recurring));
            database.writeAndWait(handle -> recurring.ensureScheduled(handle, START, START));

            job.failPrepare = true;
            engine.runDue(START);
            job.failPrepare = false;
            job.failWrite = true;
            engine.runDue(START.plus(EVERY));
            assertThat(Fired.keys(database)).as("the failed write was rolled back").isEmpty();
            assertThat(pending(database, "sweep:tick")).as("the job goes on").isEqualTo(1);

            job.failWrite = false;
            assertThat(engine.runDue(START.plus(EVERY.multipliedBy(2)))).isEqualTo(1);
            assertThat(Fired.keys(database)).containsExactly("run@" + START.plus(EVERY.multipliedBy(2)));
            assertThat(job.prepared).hasSize(3);
        }
    }
}
