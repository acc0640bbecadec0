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
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TimerEngineTest {
    private static final Instant START = Instant.parse("2026-11-25T03:00:00Z");

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void firesAtItsDueTimeAndNotBefore(TestDatabases.Kind kind) {
        try (TestDatabase testDatabase = TestDatabases.create(kind);
             Database database = Database.open(testDatabase.url(), new SimpleMeterRegistry())) {
            Fired.createTable(database);
            SettableClock clock = new SettableClock(START);
            TimerEngine engine = new TimerEngine(database, clock, "node-a", List.of(new Fired()));
            schedule(database, "incident:1:escalate", START.plus(Duration.ofMinutes(15)));

            assertThat(engine.runDue(START.plus(Duration.ofMinutes(14)))).isZero();
            assertThat(engine.runDue(START.plus(Duration.ofMinutes(15)))).isEqualTo(1);
            assertThat(Fired.keys(database)).containsExactly("incident:1:escalate");
            assertThat(engine.runDue(START.plus(Duration.ofHours(1)))).isZero();
            assertThat(outcome(database, "incident:1:escalate")).isEqualTo("fired");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void cancelledTimersNeverFire(TestDatabases.Kind kind) {
        try (TestDatabase testDatabase = TestDatabases.create(kind);
             Database database = Database.open(testDatabase.url(), new SimpleMeterRegistry())) {
            Fired.createTable(database);
            TimerEngine engine = new TimerEngine(database, new SettableClock(START), "node-a", List.of(new Fired()));
            Instant due = START.plusSeconds(60);
            schedule(database, "incident:42:escalate:1", due);
            schedule(database, "incident:42:notify:ann", due);
            schedule(database, "incident:420:escalate:1", due);
            schedule(database, "heartbeat:db", due);

            assertThat((boolean) database.writeAndWait(handle -> Timers.cancel(handle, "heartbeat:db", START))).isTrue();
            assertThat((int) database.<Integer>writeAndWait(handle -> Timers.cancelPrefix(handle, "incident:42:", START))).isEqualTo(2);
            assertThat((boolean) database.writeAndWait(handle -> Timers.cancel(handle, "heartbeat:db", START))).isFalse();

            assertThat(engine.runDue(due)).isEqualTo(1);
            assertThat(Fired.keys(database)).containsExactly("incident:420:escalate:1");
            assertThat(outcome(database, "heartbeat:db")).isEqualTo("cancelled");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void aPrefixOfTwoSegmentsCancelsExactlyTheTimersStartingWithIt(TestDatabases.Kind kind) {
        try (TestDatabase testDatabase = TestDatabases.create(kind);
             Database database = Database.open(testDatabase.url(), new SimpleMeterRegistry())) {
            Fired.createTable(database);
            TimerEngine engine = new TimerEngine(database, new SettableClock(START), "node-a", List.of(new Fired()));
            Instant due = START.plusSeconds(60);
            schedule(database, "notify/42/ann/1", due);
            schedule(database, "notify/42/ann/2", due);
            schedule(database, "notify/42/annie/1", due);   // same scope, another person
            schedule(database, "notify/420/ann/1", due);    // another incident whose number starts the same
            schedule(database, "notify/42", due);           // no scope of its own

            assertThat((int) database.<Integer>writeAndWait(handle -> Timers.cancelPrefix(handle, "notify/42/ann/", START))).isEqualTo(2);
            assertThat((int) database.<Integer>writeAndWait(handle -> Timers.cancelPrefix(handle, "notify/42/ann/", START))).isZero();
            assertThat((int) database.<Integer>writeAndWait(handle -> Timers.cancelPrefix(handle, "notify/4", START))).isEqualTo(3);

            assertThat(engine.runDue(due)).isZero();
            assertThat(Timers.scope("notify/42/ann/1")).isEqualTo("notify/42/");
            assertThat(Timers.scope("notify/42/")).isEqualTo("notify/42/");
            assertThat(Timers.scope("notify/42")).isNull();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void schedulingTheSameKeyTwiceKeepsOneTimerUntilItFires(TestDatabases.Kind kind) {
        try (TestDatabase testDatabase = TestDatabases.create(kind);
             Database database = Database.open(testDatabase.url(), new SimpleMeterRegistry())) {
            Fired.createTable(database);
            TimerEngine engine = new TimerEngine(database, new SettableClock(START), "node-a", List.of(new Fired()));
            assertThat(schedule(database, "rule:ann:1", START.plusSeconds(10))).isTrue();
            assertThat(schedule(database, "rule:ann:1", START.plusSeconds(20))).isFalse();
            assertThat((long) database.jdbi().withHandle(Timers::pendingCount)).isEqualTo(1L);
            assertThat(database.jdbi().withHandle(handle -> Timers.pending(handle, "rule:ann:1")).orElseThrow().dueAt())
                    .isEqualTo(START.plusSeconds(10));

            assertThat(engine.runDue(START.plusSeconds(30))).isEqualTo(1);
            assertThat(schedule(database, "rule:ann:1", START.plusSeconds(40))).isTrue();   // the key is free again
            assertThat(engine.runDue(START.plusSeconds(40))).isEqualTo(1);
            assertThat(Fired.keys(database)).hasSize(2);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void aFailingHandlerLeavesNoWritesAndRetriesWithBackoff(TestDatabases.Kind kind) {
        try (TestDatabase testDatabase = TestDatabases.create(kind);
             Database database = Database.open(testDatabase.url(), new SimpleMeterRegistry())) {
            Fired.createTable(database);
            int[] calls = {0};
            TimerHandler failingOnce = new TimerHandler() {
                @Override
                public String kind() {
                    return Fired.KIND;
                }

                @Override
                public void fire(Handle handle, Timer timer, Instant now) {
                    new Fired().fire(handle, timer, now);
                    if (++calls[0] == 1) throw new IllegalStateException("provider said no");
                }
            };
            TimerEngine engine = new TimerEngine(database, new SettableClock(START), "node-a", List.of(failingOnce));
            schedule(database, "notify:1", START);

            assertThat(engine.runDue(START)).isZero();
            assertThat(Fired.keys(database)).isEmpty();   // the handler's insert rolled back with the failure
            assertThat(database.jdbi().<String, RuntimeException>withHandle(handle -> handle.createQuery(
                    "SELECT last_error FROM timers WHERE dedup_key = 'notify:1'").mapTo(String.class).one()))
                    .contains("provider said no");
            assertThat(engine.runDue(START.plus(TimerEngine.FIRST_RETRY).minusMillis(1))).isZero();
            assertThat(engine.runDue(START.plus(TimerEngine.FIRST_RETRY))).isEqualTo(1);
            assertThat(Fired.keys(database)).containsExactly("notify:1");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void failingOutsideWorkIsRetriedWithBackoffAndFiresOnce(TestDatabases.Kind kind) {
        try (TestDatabase testDatabase = TestDatabases.create(kind);
             Database database = Database.open(testDatabase.url(), new SimpleMeterRegistry())) {
            Fired.createTable(database);
            int[] calls = {0};
            TimerHandler providerDownOnce = new Fired.Slow(0) {
                @Override
                public Object perform(Timer timer, Instant now) {
                    if (++calls[0] == 1) throw new IllegalStateException("503 from provider");
                    return null;
                }
            };
            TimerEngine engine = new TimerEngine(database, new SettableClock(START), "node-a", List.of(providerDownOnce));
            schedule(database, "notify:2", START);

            assertThat(engine.runDue(START)).isZero();
            assertThat(engine.runDue(START.plus(TimerEngine.FIRST_RETRY).minusMillis(1))).isZero();
            assertThat(engine.runDue(START.plus(TimerEngine.FIRST_RETRY))).isEqualTo(1);
            assertThat(Fired.keys(database)).containsExactly("notify:2");
            assertThat(database.jdbi().<Integer, RuntimeException>withHandle(handle -> handle.createQuery(
                    "SELECT attempts FROM timers WHERE dedup_key = 'notify:2'").mapTo(Integer.class).one())).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void aTimerCancelledWhileItsOutsideWorkRunsIsNotCompleted(TestDatabases.Kind kind) {
        try (TestDatabase testDatabase = TestDatabases.create(kind);
             Database database = Database.open(testDatabase.url(), new SimpleMeterRegistry())) {
            Fired.createTable(database);
            java.util.List<Object> toldLate = new java.util.ArrayList<>();
            TimerHandler cancelledMeanwhile = new Fired.Slow(0) {
                @Override
                public Object perform(Timer timer, Instant now) {
                    database.writeAndWait(handle -> Timers.cancel(handle, timer.key(), now));   // someone acknowledges
                    return "sent SM1";
                }

                @Override
                public void completeCancelled(org.jdbi.v3.core.Handle handle, Timer timer, Instant now, Object outcome) {
                    toldLate.add(outcome);
                }
            };
            TimerEngine engine = new TimerEngine(database, new SettableClock(START), "node-a", List.of(cancelledMeanwhile));
            schedule(database, "incident:7:escalate:2", START);

            assertThat(engine.runDue(START)).isZero();
            assertThat(Fired.keys(database)).isEmpty();
            assertThat(outcome(database, "incident:7:escalate:2")).isEqualTo("cancelled");
            assertThat(toldLate).as("what the outside work did is still recorded").containsExactly("sent SM1");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void overdueTimersFireOnceAfterARestart(TestDatabases.Kind kind) {
        try (TestDatabase testDatabase = TestDatabases.create(kind)) {
            try (Database database = Database.open(testDatabase.url(), new SimpleMeterRegistry())) {
                Fired.createTable(database);
                TimerEngine engine = new TimerEngine(database, new SettableClock(START), "before", List.of(new Fired()));
                for (int i = 0; i < 5; i++) schedule(database, "restart:" + i, START.plusSeconds(60 + i));
                assertThat(engine.runDue(START.plusSeconds(30))).isZero();
                engine.close();
            }
            Instant later = START.plus(Duration.ofHours(2));   // the server was down past every due time
            try (Database database = Database.open(testDatabase.url(), new SimpleMeterRegistry())) {
                TimerEngine engine = new TimerEngine(database, new SettableClock(later), "after", List.of(new Fired()));
                assertThat(engine.runDue(later)).isEqualTo(5);
                engine.close();
            }
            try (Database database = Database.open(testDatabase.url(), new SimpleMeterRegistry())) {
                TimerEngine engine = new TimerEngine(database, new SettableClock(later), "again", List.of(new Fired()));
                assertThat(engine.runDue(later.plusSeconds(60))).isZero();
                assertThat(Fired.keys(database)).containsExactly("restart:0", "restart:1", "restart:2", "restart:3", "restart:4");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void aClaimLeftByADeadNodeIsTakenOverAfterTheLease(TestDatabases.Kind kind) {
        try (TestDatabase testDatabase = TestDatabases.create(kind);
             Database database = Database.open(testDatabase.url(), new SimpleMeterRegistry())) {
            Fired.createTable(database);
            schedule(database, "orphan", START);
            TimerStore store = new TimerStore(database.dialect(), java.util.Set.of(Fired.KIND));
            database.writeAndWait(handle -> store.claim(handle, "dead-node", START, START.plus(TimerEngine.LEASE), 10));
            TimerEngine engine = new TimerEngine(database, new SettableClock(START), "alive", List.of(new Fired()));
            if (kind == TestDatabases.Kind.SQLITE) {
                // one server per SQLite file: a new engine knows every old claim is stale
                assertThat(engine.runDue(START)).isEqualTo(1);
            } else {
                assertThat(engine.runDue(START.plus(TimerEngine.LEASE).minusMillis(1))).isZero();
                assertThat(engine.runDue(START.plus(TimerEngine.LEASE))).isEqualTo(1);
            }
            assertThat(Fired.keys(database)).containsExactly("orphan");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void aNodeLeavesTimersOfKindsItCannotFireToANodeThatCan(TestDatabases.Kind kind) {
        try (TestDatabase testDatabase = TestDatabases.create(kind);
             Database database = Database.open(testDatabase.url(), new SimpleMeterRegistry())) {
            Fired.createTable(database);
            database.writeAndWait(handle -> Timers.schedule(handle, "escalate", "incident:9:escalate:1", "{}", START, START));
            TimerEngine older = new TimerEngine(database, new SettableClock(START), "older", List.of(new Fired()));
            assertThat(older.runDue(START.plus(Duration.ofHours(1)))).isZero();

            TimerHandler escalate = new Fired() {
                @Override
                public String kind() {
                    return "escalate";
                }
            };
            TimerEngine newer = new TimerEngine(database, new SettableClock(START), "newer", List.of(escalate));
            assertThat(newer.runDue(START.plus(Duration.ofHours(1)))).isEqualTo(1);
            assertThat(Fired.keys(database)).containsExactly("incident:9:escalate:1");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void closingLetsTheCallInHandFinishAndHandsBackTheRest(TestDatabases.Kind kind) throws Exception {
        try (TestDatabase testDatabase = TestDatabases.create(kind);
             Database database = Database.open(testDatabase.url(), new SimpleMeterRegistry())) {
            Fired.createTable(database);
            java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.CountDownLatch calling = new java.util.concurrent.CountDownLatch(1);
            // Like a provider client: the call takes a while, and an interrupt makes it report a failure.
            TimerHandler provider = new Fired.Slow(300) {
                @Override
                public Object perform(Timer timer, Instant now) throws Exception {
                    calls.incrementAndGet();
                    calling.countDown();
                    return super.perform(timer, now);
                }

                @Override
                public Object lane(Timer timer) {
                    return "one person";   // one lane: the calls would otherwise all be in hand at once
                }
            };
            java.time.Clock clock = java.time.Clock.systemUTC();
            for (int i = 0; i < 3; i++) schedule(database, "page:" + i, clock.instant().minusSeconds(1));
            TimerEngine engine = new TimerEngine(database, clock, "node-a", List.of(provider));
            engine.start();
            assertThat(calling.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

            engine.close();

            assertThat(calls.get()).as("provider calls").isEqualTo(1);
            assertThat(Fired.keys(database)).as("the call in hand completed").containsExactly("page:0");
            assertThat(outcome(database, "page:0")).isEqualTo("fired");
            assertThat(database.jdbi().<Long, RuntimeException>withHandle(handle -> handle.createQuery(
                    "SELECT COUNT(*) FROM timers WHERE done_at IS NULL AND claimed_by IS NULL AND last_error IS NULL")
                    .mapTo(Long.class).one())).as("the others handed back, untried").isEqualTo(2);
        }
    }

    @org.junit.jupiter.api.Test
    void retryDelaysDoubleUpToTheLast() {
        assertThat(TimerEngine.retryDelay(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(TimerEngine.retryDelay(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(TimerEngine.retryDelay(4)).isEqualTo(Duration.ofSeconds(8));
        assertThat(TimerEngine.retryDelay(30)).isEqualTo(TimerEngine.LAST_RETRY);
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void outsideWorkOfDifferentLanesRunsInParallelAndEachLaneInDueOrder(TestDatabases.Kind kind) throws Exception {
        try (TestDatabase testDatabase = TestDatabases.create(kind);
             Database database = Database.open(testDatabase.url(), new SimpleMeterRegistry())) {
            Fired.createTable(database);
            java.util.concurrent.CountDownLatch bobStarted = new java.util.concurrent.CountDownLatch(1);
            java.util.Map<String, java.util.concurrent.atomic.AtomicInteger> busy = new java.util.concurrent.ConcurrentHashMap<>();
            List<String> annsOrder = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
            boolean[] annWaitedForBob = {false};
            boolean[] laneOverlapped = {false};
            TimerHandler perPerson = new Fired.Slow(0) {
                @Override
                public Object lane(Timer timer) {
                    return timer.key().split(":")[1];
                }

                @Override
                public Object perform(Timer timer, Instant now) throws Exception {
                    String person = timer.key().split(":")[1];
                    if (busy.computeIfAbsent(person, ignored -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet() > 1) {
                        laneOverlapped[0] = true;
                    }
                    try {
                        if (person.equals("bob")) bobStarted.countDown();
                        if (person.equals("ann")) {
                            annsOrder.add(timer.key());
                            // Only possible if bob's lane runs while ann's first page is still being sent.
                            if (annsOrder.size() == 1) annWaitedForBob[0] = bobStarted.await(10, java.util.concurrent.TimeUnit.SECONDS);
                        }
                        return null;
                    } finally {
                        busy.get(person).decrementAndGet();
                    }
                }
            };
            TimerEngine engine = new TimerEngine(database, new SettableClock(START), "node-a", List.of(perPerson));
            for (int i = 0; i < 3; i++) schedule(database, "page:ann:" + i, START.plusSeconds(i));
            schedule(database, "page:bob:0", START.plusSeconds(1));

            assertThat(engine.runDue(START.plusSeconds(10))).isEqualTo(4);
            assertThat(annWaitedForBob[0]).isTrue();
            assertThat(laneOverlapped[0]).isFalse();
            assertThat(annsOrder).containsExactly("page:ann:0", "page:ann:1", "page:ann:2");
            assertThat(Fired.keys(database)).hasSize(4);
        }
    }

    static boolean schedule(Database database, String key, Instant due) {
        return database.writeAndWait(handle -> Timers.schedule(handle, Fired.KIND, key, "{}", due, START));
    }

    private static String outcome(Database database, String key) {
        return database.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT outcome FROM timers WHERE dedup_key = :key ORDER BY id DESC LIMIT 1").bind("key", key)
                .mapTo(String.class).one());
    }
}
