package dev.tocsin.store;

import dev.tocsin.testing.TestDatabases;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** A database written by an older Tocsin keeps working after the upgrade's migrations. */
class UpgradeMigrationTest {
    private static Flyway upTo(String url, String version) {
        Dialect dialect = Dialect.of(url);
        return Flyway.configure().dataSource(url, null, null).locations(dialect.migrationLocations())
                .placeholders(dialect.migrationPlaceholders()).target(version).load();
    }

    private static void execute(Flyway flyway, String sql) {
        try (var connection = flyway.getConfiguration().getDataSource().getConnection();
             var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Incident and alert numbers go on from where the counters rows stood (PostgreSQL moves them to sequences). */
    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void numbersGoOnAfterTheLastOneGiven(TestDatabases.Kind kind) {
        try (var db = TestDatabases.create(kind)) {
            Flyway before = upTo(db.url(), "21");
            before.migrate();
            execute(before, "UPDATE counters SET value = 41 WHERE name = 'incident'");
            try (Database database = Database.open(db.url(), new SimpleMeterRegistry())) {
                assertThat(database.<Long>writeAndWait(handle -> Dialect.nextNumber(handle, "incident"))).isEqualTo(42L);
                assertThat(database.<Long>writeAndWait(handle -> Dialect.nextNumber(handle, "incident"))).isEqualTo(43L);
                assertThat(database.<Long>writeAndWait(handle -> Dialect.nextNumber(handle, "alert"))).isEqualTo(1L);
            }
        }
    }

    /** Timers pending when a node is upgraded past V21 get their scope, so acknowledging still cancels them. */
    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void pendingTimersWrittenBeforeTheScopeColumnGetTheirScope(TestDatabases.Kind kind) {
        try (var db = TestDatabases.create(kind)) {
            Flyway before = upTo(db.url(), "20");
            before.migrate();
            execute(before, """
                        INSERT INTO timers (kind, dedup_key, payload, due_at, attempts, created_at) VALUES
                        ('notify', 'notify/42/ann/1', '{}', 1, 0, 1),
                        ('escalate', 'escalation/7/3', '{}', 1, 0, 1),
                        ('deliver', 'deliver/direct/ann/9/', '{}', 1, 0, 1),
                        ('heartbeat', 'heartbeat:db', '{}', 1, 0, 1),
                        ('notice', 'notice/5', '{}', 1, 0, 1)""");
            try (Database database = Database.open(db.url(), new SimpleMeterRegistry())) {
                Map<String, String> scopes = database.jdbi().withHandle(handle -> handle
                        .createQuery("SELECT dedup_key, scope FROM timers").map((rs, ctx) -> Map.entry(rs.getString(1),
                                String.valueOf(rs.getString(2)))).list()).stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
                assertThat(scopes).containsOnly(
                        Map.entry("notify/42/ann/1", "notify/42/"),
                        Map.entry("escalation/7/3", "escalation/7/"),
                        Map.entry("deliver/direct/ann/9/", "deliver/direct/"),
                        Map.entry("heartbeat:db", "null"),
                        Map.entry("notice/5", "null"));
            }
        }
    }
}
