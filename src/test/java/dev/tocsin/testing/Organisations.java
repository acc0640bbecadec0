package dev.tocsin.testing;

import dev.tocsin.config.ConfigService;
import dev.tocsin.config.Organisation;
import dev.tocsin.schedule.OnCall;
import dev.tocsin.store.Database;
import dev.tocsin.trace.Actor;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Test helper: an applied configuration as the rest of Tocsin reads it, from YAML, via a throwaway SQLite database. */
public final class Organisations {
    private Organisations() {
    }

    public static Organisation of(String yaml) {
        try (TestDatabases.TestDatabase testDatabase = TestDatabases.sqlite();
             Database database = Database.open(testDatabase.url(), new SimpleMeterRegistry())) {
            ConfigService config = new ConfigService(database, Clock.systemUTC());
            config.apply(yaml, "test.yaml", TestServer.testEnvironment(yaml), false, true, Actor.system());
            return config.current();
        }
    }

    /**
     * True once the schedule computation (branch sched-core) answers instead of throwing; end-to-end tests
     * of feeds and reports wait for it with an assumption.
     */
    public static boolean scheduleComputationAvailable() {
        Organisation example = of(TestServer.resource("config/example.yaml"));
        try {
            new OnCall(example.schedule("platform-primary").orElseThrow(), List.of()).at(Instant.parse("2027-03-22T12:00:00Z"));
            return true;
        } catch (UnsupportedOperationException e) {
            return false;
        }
    }
}
