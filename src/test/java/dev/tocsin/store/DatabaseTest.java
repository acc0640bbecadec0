package dev.tocsin.store;

import dev.tocsin.testing.TestDatabases;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseTest {
    @Test
    void aSecondServerOnTheSameSqliteFileIsRefusedWithTheReason() {
        try (var db = TestDatabases.sqlite(); Database first = Database.open(db.url(), new SimpleMeterRegistry())) {
            assertThat(first.isReachable()).isTrue();
            assertThatThrownBy(() -> Database.open(db.url(), new SimpleMeterRegistry()))
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining("already has");
        }
    }

    @Test
    void theLockIsReleasedWhenTheServerCloses() {
        try (var db = TestDatabases.sqlite()) {
            Database.open(db.url(), new SimpleMeterRegistry()).close();
            try (Database again = Database.open(db.url(), new SimpleMeterRegistry())) {
                assertThat(again.isReachable()).isTrue();
            }
        }
    }

    @Test
    void anUnreachablePostgresqlIsAClearError() {
        assertThatThrownBy(() -> Database.open("jdbc:postgresql://127.0.0.1:1/nothing?user=postgres&connectTimeout=2",
                new SimpleMeterRegistry()))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("cannot connect to jdbc:postgresql://127.0.0.1:1/nothing");
    }

    @Test
    void anUnsupportedUrlNamesTheProblem() {
        assertThatThrownBy(() -> Database.open("jdbc:mysql://localhost/x", new SimpleMeterRegistry()))
                .hasMessageContaining("unsupported database URL 'jdbc:mysql://localhost/x'");
    }

    @Test
    void passwordsAreRedactedFromDescriptions() {
        assertThat(Database.redact("jdbc:postgresql://db/tocsin?user=t&password=s3cret"))
                .isEqualTo("jdbc:postgresql://db/tocsin?user=t&password=***");
        assertThat(Database.redact("jdbc:postgresql://t:s3cret@db/tocsin")).isEqualTo("jdbc:postgresql://t:***@db/tocsin");
    }
}
