package dev.tocsin.store;

import dev.tocsin.testing.TestDatabases;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GroupCommitWriterTest {
    private static final String KINDS = "dev.tocsin.testing.TestDatabases#kinds";

    @ParameterizedTest
    @MethodSource(KINDS)
    void concurrentWritesAreCommittedTogetherAndAllVisible(TestDatabases.Kind kind) {
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        try (var db = TestDatabases.create(kind); Database database = Database.open(db.url(), metrics)) {
            List<CompletableFuture<Long>> writes = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                writes.add(database.write(handle -> handle.createQuery(
                        "UPDATE counters SET value = value + 1 WHERE name = 'alert' RETURNING value").mapTo(Long.class).one()));
            }
            CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();

            long committed = database.jdbi().withHandle(handle -> handle.createQuery(
                    "SELECT value FROM counters WHERE name = 'alert'").mapTo(Long.class).one());
            assertThat(committed).isEqualTo(2_000);
            assertThat(writes.stream().map(CompletableFuture::join).distinct()).hasSize(2_000);
            var batches = metrics.get("tocsin.db.commit.batch").summary();
            assertThat(batches.count()).as("commits").isLessThan(2_000);
            assertThat(batches.max()).as("largest group").isGreaterThan(1);
        }
    }

    @ParameterizedTest
    @MethodSource(KINDS)
    void aFailingJobIsRolledBackAloneAndItsNeighboursCommit(TestDatabases.Kind kind) {
        try (var db = TestDatabases.create(kind); Database database = Database.open(db.url(), new SimpleMeterRegistry())) {
            List<CompletableFuture<Integer>> writes = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                int n = i;
                writes.add(database.write(handle -> {
                    handle.createUpdate("INSERT INTO counters (name, value) VALUES (:name, 1)").bind("name", "c" + n).execute();
                    if (n == 25) throw new IllegalStateException("job 25 fails after writing");
                    return n;
                }));
            }
            for (int i = 0; i < 50; i++) {
                if (i == 25) {
                    assertThatThrownBy(writes.get(i)::join).hasRootCauseMessage("job 25 fails after writing");
                } else {
                    assertThat(writes.get(i).join()).isEqualTo(i);
                }
            }
            List<String> names = database.jdbi().withHandle(handle -> handle.createQuery(
                    "SELECT name FROM counters WHERE name LIKE 'c%'").mapTo(String.class).list());
            assertThat(names).hasSize(49).doesNotContain("c25");
        }
    }

    @ParameterizedTest
    @MethodSource(KINDS)
    void writeAndWaitRethrowsTheJobsOwnException(TestDatabases.Kind kind) {
        try (var db = TestDatabases.create(kind); Database database = Database.open(db.url(), new SimpleMeterRegistry())) {
            assertThatThrownBy(() -> database.writeAndWait(handle -> {
                throw new IllegalArgumentException("no such thing");
            })).isInstanceOf(IllegalArgumentException.class).hasMessage("no such thing");
        }
    }

    @ParameterizedTest
    @MethodSource(KINDS)
    void aJobThatLostARaceRunsAgainAloneAndItsFirstTriesLeaveNothingBehind(TestDatabases.Kind kind) {
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        try (var db = TestDatabases.create(kind); Database database = Database.open(db.url(), metrics)) {
            java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();
            long value = database.writeAndWait(handle -> {
                handle.createUpdate("UPDATE counters SET value = value + 1 WHERE name = 'alert'").execute();
                if (runs.incrementAndGet() < 3) throw new WriteConflict("someone else took it");
                return handle.createQuery("SELECT value FROM counters WHERE name = 'alert'").mapTo(Long.class).one();
            });
            assertThat(runs).hasValue(3);
            assertThat(value).as("the two lost runs were rolled back").isEqualTo(1);
            assertThat(metrics.get("tocsin.db.conflicts.retried").counter().count()).isEqualTo(2);

            runs.set(0);
            assertThatThrownBy(() -> database.writeAndWait(handle -> {
                runs.incrementAndGet();
                throw new WriteConflict("always taken");
            })).hasMessageContaining("always taken");
            assertThat(runs).as("the first run in its group, then the attempts alone").hasValue(1 + GroupCommitWriter.CONFLICT_ATTEMPTS);
        }
    }
}
