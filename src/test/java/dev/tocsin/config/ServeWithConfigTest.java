package dev.tocsin.config;

import dev.tocsin.app.Settings;
import dev.tocsin.app.Tocsin;
import dev.tocsin.testing.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code tocsin serve --config FILE}: the file is applied before the server answers, or the server does not start. */
class ServeWithConfigTest {
    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void aValidFileIsInForceWhenTheServerStarts(TestDatabases.Kind kind, @TempDir Path directory) throws IOException {
        Path file = directory.resolve("org.yaml");
        Files.writeString(file, ConfigFixtures.resource("demo/organisation.yaml"));
        try (TestDatabases.TestDatabase database = TestDatabases.create(kind);
             Tocsin tocsin = Tocsin.start(new Settings("127.0.0.1", 0, database.url(), null, file, false), Clock.systemUTC())) {
            assertThat(tocsin.config().current().integrationByKey("am-customer-api-0b1c2d3e")).isPresent();
            assertThat(tocsin.config().revisions(10)).singleElement()
                    .satisfies(revision -> {
                        assertThat(revision.source()).isEqualTo("org.yaml");
                        assertThat(revision.actor()).isEqualTo("system:tocsin");
                    });
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void anInvalidFileStopsTheStartWithEveryProblem(TestDatabases.Kind kind, @TempDir Path directory) throws IOException {
        Path file = directory.resolve("org.yaml");
        Files.writeString(file, "users:\n  - { id: a, name: A, timezone: Nowhere/Town }\nteams: [ { id: t, name: T, members: [ { user: b } ] } ]\n");
        try (TestDatabases.TestDatabase database = TestDatabases.create(kind)) {
            assertThatThrownBy(() -> Tocsin.start(new Settings("127.0.0.1", 0, database.url(), null, file, false), Clock.systemUTC()))
                    .isInstanceOf(ConfigException.class)
                    .hasMessage("""
                            2 problems in org.yaml:
                            org.yaml:2: users[0].timezone: unknown time zone 'Nowhere/Town'; use an IANA name like Europe/Zurich
                            org.yaml:3: teams[0].members[0].user: unknown user 'b'""");
        }
    }
}
