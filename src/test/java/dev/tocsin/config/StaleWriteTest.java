package dev.tocsin.config;

import dev.tocsin.refusal.Refusal;
import dev.tocsin.store.Database;
import dev.tocsin.testing.TestDatabases;
import dev.tocsin.trace.Actor;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A configuration change prepared against an old revision is refused rather than written: written, it would
 * silently undo the revision another node applied in between.
 */
class StaleWriteTest {
    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void aChangePreparedAgainstAnOlderRevisionIsAConflict(TestDatabases.Kind kind) {
        try (var db = TestDatabases.create(kind); Database database = Database.open(db.url(), new SimpleMeterRegistry())) {
            ConfigService service = new ConfigService(database, Clock.systemUTC());
            String yaml = ConfigFixtures.example();
            service.apply(yaml, "org.yaml", ConfigFixtures.EXAMPLE_ENV, false, true, Actor.system());
            long applied = service.current().revision();

            assertThatThrownBy(() -> database.writeAndWait(handle -> ConfigStore.write(handle, applied - 1, List.of(),
                    List.of(), Actor.system(), "other-node", 0L)))
                    .isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.kind()).isEqualTo(Refusal.Kind.CONFLICT))
                    .hasMessageContaining("prepared against revision " + (applied - 1));
            assertThat(ConfigStore.revisions(database.jdbi(), 10)).hasSize(1);
            assertThat(ConfigStore.load(database.jdbi())).isNotEmpty();
        }
    }
}
