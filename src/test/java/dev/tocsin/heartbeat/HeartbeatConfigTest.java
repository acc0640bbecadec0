package dev.tocsin.heartbeat;

import dev.tocsin.config.ApplyResult;
import dev.tocsin.config.ConfigException;
import dev.tocsin.config.ConfigService;
import dev.tocsin.store.Database;
import dev.tocsin.testing.SettableClock;
import dev.tocsin.testing.TestDatabases;
import dev.tocsin.trace.Actor;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The {@code heartbeats:} section: defaults, line-numbered validation, secret keys, export round trip. */
class HeartbeatConfigTest {
    private static final String BASE = """
            users: [ { id: ann, name: Ann } ]
            escalation_policies:
              - { id: ops, name: Ops, levels: [ { notify: [ "user:ann" ] } ] }
            services:
              - { id: backups, name: Backups, escalation_policy: ops }
            """;

    private static ConfigException problemsOf(ConfigService config, String yaml) {
        return catchThrowableOfType(ConfigException.class,
                () -> config.apply(yaml, "hb.yaml", Map.of(), false, true, Actor.system()));
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void everyMistakeIsReportedWithItsLine(TestDatabases.Kind kind) {
        try (TestDatabases.TestDatabase testDatabase = TestDatabases.create(kind);
             Database database = Database.open(testDatabase.url(), new SimpleMeterRegistry())) {
            ConfigService config = new ConfigService(database, new SettableClock(HeartbeatFixture.START));
            ConfigException failure = problemsOf(config, BASE + """
                    heartbeats:
                      - id: a
                        service: backup
                        interval: 5m
                      - id: b
                        service: backups
                        interval: 0s
                        grace: 8d
                      - id: c
                        service: backups
                      - id: d
                        service: backups
                        interval: 5 minutes
                        key: short
                        gracee: 1m
                      - { id: a, service: backups, interval: 1h }
                    """);

            assertThat(failure.problems()).containsExactly(
                    "hb.yaml:8: heartbeats[0].service: unknown service 'backup' (did you mean 'backups'?)",
                    "hb.yaml:12: heartbeats[1].interval: interval must be longer than zero; allowed 10s to 5w",
                    "hb.yaml:13: heartbeats[1].grace: grace 1w1d is out of range; allowed 1s to 1w",
                    "hb.yaml:14: heartbeats[2]: missing required field 'interval'",
                    "hb.yaml:18: heartbeats[3].interval: malformed duration '5 minutes'; write it like 30s, 15m, 2h, 1d or 1w",
                    "hb.yaml:19: heartbeats[3].key: a heartbeat key must be 8 to 128 characters of letters, digits, '.', '_', '~' or '-'",
                    "hb.yaml:20: heartbeats[3].gracee: unknown key 'gracee' (did you mean 'grace'?)",
                    "hb.yaml:21: heartbeats[4].id: duplicate heartbeat id 'a' (first at heartbeats[0])");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void graceDefaultsToAMinuteAndTheKeyIsExportedAsAPlaceholder(TestDatabases.Kind kind) {
        try (TestDatabases.TestDatabase testDatabase = TestDatabases.create(kind);
             Database database = Database.open(testDatabase.url(), new SimpleMeterRegistry())) {
            ConfigService config = new ConfigService(database, new SettableClock(HeartbeatFixture.START));
            config.apply(BASE + """
                    heartbeats:
                      - id: nightly-backup
                        name: Nightly backup
                        description: "pg_dump at 02:00"
                        service: backups
                        interval: 1d
                        key: literal-ping-key-1
                      - { id: queue, service: backups, interval: 30s, grace: 15s, key: "${QUEUE_PING_KEY}" }
                    """, "hb.yaml", Map.of("QUEUE_PING_KEY", "queue-key-0001"), false, true, Actor.system());

            var heartbeats = config.current().document().heartbeats();
            assertThat(heartbeats.get(0).grace()).isEqualTo(Heartbeat.DEFAULT_GRACE).isEqualTo(Duration.ofMinutes(1));
            assertThat(heartbeats.get(0).key().value()).isEqualTo("literal-ping-key-1");
            assertThat(heartbeats.get(1).window()).isEqualTo(Duration.ofSeconds(45));

            String exported = config.exportYaml();
            assertThat(exported).contains("heartbeats:", "${TOCSIN_HEARTBEAT_NIGHTLY_BACKUP_KEY}", "${QUEUE_PING_KEY}", "grace: 1m")
                    .doesNotContain("literal-ping-key-1", "queue-key-0001");
            ApplyResult again = config.apply(exported, "exported.yaml", Map.of("TOCSIN_HEARTBEAT_NIGHTLY_BACKUP_KEY",
                    "literal-ping-key-1", "QUEUE_PING_KEY", "queue-key-0001"), false, true, Actor.system());
            assertThat(again.changes()).isEmpty();
            assertThat(new ConfigService(database, new SettableClock(HeartbeatFixture.START)).current().document().heartbeats())
                    .isEqualTo(heartbeats);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void aServiceWatchedByAHeartbeatCannotBeRemovedAlone(TestDatabases.Kind kind) {
        try (TestDatabases.TestDatabase testDatabase = TestDatabases.create(kind);
             Database database = Database.open(testDatabase.url(), new SimpleMeterRegistry())) {
            ConfigService config = new ConfigService(database, new SettableClock(HeartbeatFixture.START));
            config.apply(BASE + "heartbeats: [ { id: hb, service: backups, interval: 5m } ]\n", "hb.yaml", Map.of(), false, true,
                    Actor.system());

            ConfigException failure = problemsOf(config, BASE.replace("services:\n  - { id: backups, name: Backups, escalation_policy: ops }\n", "")
                    + "heartbeats: [ { id: hb, service: backups, interval: 5m } ]\n");
            assertThat(failure.problems()).containsExactly("hb.yaml:4: heartbeats[0].service: unknown service 'backups'");
        }
    }
}
