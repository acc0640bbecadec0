package dev.tocsin.store;

import dev.tocsin.testing.TestDatabases;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class WriterLanesTest {
    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void writesWithTheSameOrderKeyApplyInTheOrderTheyWereSubmitted(TestDatabases.Kind kind) {
        try (var db = TestDatabases.create(kind); Database database = Database.open(db.url(), new SimpleMeterRegistry())) {
            List<String> keys = List.of("alpha", "bravo", "charlie", "delta", "echo", "foxtrot");
            for (String key : keys) {
                database.writeAndWait(handle -> handle.createUpdate("INSERT INTO counters (name, value) VALUES (:k, 0)")
                        .bind("k", key).execute());
            }
            List<CompletableFuture<Integer>> writes = new ArrayList<>();
            for (int step = 1; step <= 200; step++) {
                for (String key : keys) {
                    int expectedBefore = step - 1;
                    int next = step;
                    // applies only if every earlier write of this key has applied first
                    writes.add(database.write(key, handle -> handle.createUpdate(
                                    "UPDATE counters SET value = :next WHERE name = :k AND value = :before")
                            .bind("next", next).bind("k", key).bind("before", expectedBefore).execute()));
                }
            }
            assertThat(writes.stream().map(CompletableFuture::join)).allMatch(updated -> updated == 1);
        }
    }
}
