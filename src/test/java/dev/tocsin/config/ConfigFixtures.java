package dev.tocsin.config;

import dev.tocsin.store.Database;
import dev.tocsin.testing.TestDatabases;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** A real database with a {@link ConfigService} on it, and the files the configuration tests apply. */
final class ConfigFixtures implements AutoCloseable {
    static final Map<String, String> EXAMPLE_ENV = Map.of(
            "TWILIO_ACCOUNT_SID", "AC0123456789", "TWILIO_AUTH_TOKEN", "twilio-token-1", "SMTP_PASSWORD", "smtp-secret-1");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T09:00:00Z"), ZoneOffset.UTC);

    final TestDatabases.TestDatabase testDatabase;
    final Database database;
    final ConfigService config;

    ConfigFixtures(TestDatabases.Kind kind) {
        this.testDatabase = TestDatabases.create(kind);
        this.database = Database.open(testDatabase.url(), new SimpleMeterRegistry());
        this.config = new ConfigService(database, CLOCK);
    }

    /** A second service on the same database, as after a restart. */
    ConfigService restarted() {
        return new ConfigService(database, CLOCK);
    }

    static String resource(String path) {
        try (InputStream in = ConfigFixtures.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) throw new IllegalArgumentException("no resource " + path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String example() {
        return resource("config/example.yaml");
    }

    long count(String table) {
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
    }

    @Override
    public void close() {
        database.close();
        testDatabase.close();
    }
}
