package dev.tocsin.heartbeat;

import dev.tocsin.config.ConfigService;
import dev.tocsin.engine.TimerEngine;
import dev.tocsin.incident.AlertIntake;
import dev.tocsin.incident.Incident;
import dev.tocsin.incident.IncidentFilter;
import dev.tocsin.incident.IncidentStore;
import dev.tocsin.incident.Incidents;
import dev.tocsin.store.Database;
import dev.tocsin.testing.SettableClock;
import dev.tocsin.testing.TestDatabases;
import dev.tocsin.trace.Actor;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The heartbeat module wired as the server wires it (configuration, incident intake, timer engine) on a real
 * database, with a settable clock and no background threads: tests move time and call {@link #runDue()}.
 */
final class HeartbeatFixture implements AutoCloseable {
    static final Instant START = Instant.parse("2026-11-25T03:00:00Z");
    static final String ORGANISATION = """
            users: [ { id: ann, name: Ann } ]
            escalation_policies:
              - { id: ops, name: Ops, levels: [ { notify: [ "user:ann" ] } ] }
            services:
              - { id: backups, name: Backups, escalation_policy: ops }
              - { id: billing, name: Billing, escalation_policy: ops }
            heartbeats:
              - { id: nightly-backup, name: Nightly backup, service: backups, interval: 5m, grace: 1m }
            """;

    final TestDatabases.TestDatabase testDatabase;
    final Database database;
    final SettableClock clock = new SettableClock(START);
    final ConfigService config;
    final Incidents incidents;
    final TimerEngine engine;
    final Heartbeats heartbeats;

    HeartbeatFixture(TestDatabases.Kind kind, String yaml) {
        this.testDatabase = TestDatabases.create(kind);
        this.database = Database.open(testDatabase.url(), new SimpleMeterRegistry());
        this.config = new ConfigService(database, clock);
        IncidentStore store = new IncidentStore();
        AlertIntake intake = new AlertIntake(database, key -> config.current().serviceOfKey(key), store, clock, new SimpleMeterRegistry(),
                dev.tocsin.incident.IncidentObserver.NONE);   // heartbeats alone: nobody is paged here
        this.incidents = new Incidents(database, store, clock, dev.tocsin.incident.IncidentObserver.NONE);
        this.engine = new TimerEngine(database, clock, "test-node", List.of(new HeartbeatCheck(() -> config.current().document().heartbeats(), intake)));
        this.heartbeats = new Heartbeats(database, () -> config.current().document().heartbeats(), intake, clock, engine::wake);
        config.onApplied(heartbeats::sync);
        apply(yaml);
    }

    void apply(String yaml) {
        config.apply(yaml, "test.yaml", Map.of(), false, true, Actor.system());
    }

    void advance(Duration duration) {
        clock.advance(duration);
    }

    int runDue() {
        return engine.runDue(clock.instant());
    }

    Heartbeats.Ping ping(String id) {
        return heartbeats.ping(id, null).join();
    }

    List<Incident> incidents() {
        return incidents.list(new IncidentFilter(List.of(), List.of(), null, null), null, 100);
    }

    long timerRows() {
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM timers").mapTo(Long.class).one());
    }

    @Override
    public void close() {
        engine.close();
        database.close();
        testDatabase.close();
    }
}
