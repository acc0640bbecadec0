package dev.tocsin.testing;

import dev.tocsin.app.Settings;
import dev.tocsin.app.Tocsin;
import dev.tocsin.auth.Role;

import dev.tocsin.config.Placeholders;
import dev.tocsin.trace.Actor;

import java.io.IOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * A real Tocsin server for tests: on a fresh SQLite or PostgreSQL database, on a free port, with a YAML
 * configuration applied at start (its ${NAME} secrets filled with stand-ins) and an admin token. Closing it
 * stops the server and deletes the database.
 */
public final class TestServer implements AutoCloseable {
    private final TestDatabases.TestDatabase database;
    private final Tocsin tocsin;
    private final String adminToken;
    private final TestHttp http;

    private TestServer(TestDatabases.TestDatabase database, Tocsin tocsin) {
        this.database = database;
        this.tocsin = tocsin;
        this.adminToken = tocsin.tokens().create("admin", Role.ADMIN, "test").secret();
        this.http = new TestHttp(baseUrl(), adminToken);
    }

    /** Starts a server on a new database of that kind, applying {@code yaml} (null for none). */
    public static TestServer start(TestDatabases.Kind kind, String yaml) {
        return start(kind, yaml, Clock.systemUTC());
    }

    public static TestServer start(TestDatabases.Kind kind, String yaml, Clock clock) {
        TestDatabases.TestDatabase database = TestDatabases.create(kind);
        Tocsin tocsin = null;
        try {
            tocsin = Tocsin.start(new Settings("127.0.0.1", 0, database.url(), null, null, false), clock);
            if (yaml != null) {
                String local = withoutRealProviders(yaml);
                tocsin.config().apply(local, "test.yaml", testEnvironment(local), false, true, Actor.system());
            }
            return new TestServer(database, tocsin);
        } catch (RuntimeException e) {
            if (tocsin != null) tocsin.close();
            database.close();
            throw e;
        }
    }

    /**
     * The example's providers point at Twilio's and an SMTP host's real addresses; a test must never call them
     * (with stand-in credentials, or at all). They are pointed at the discard port, which refuses at once: pages
     * then fail the way a provider outage does. Tests of delivery point providers at their own fakes.
     */
    static String withoutRealProviders(String yaml) {
        return yaml.replace("https://api.twilio.com", "http://127.0.0.1:9")
                .replace("host: smtp.example.com, port: 587", "host: 127.0.0.1, port: 9");
    }

    /** Stand-in values for the ${NAME} secrets a test file names (the example's Twilio and SMTP settings). */
    public static Map<String, String> testEnvironment(String yaml) {
        Map<String, String> env = new HashMap<>();
        for (Placeholders.Reference reference : Placeholders.referenced(yaml)) {
            env.put(reference.name(), "test-" + reference.name().toLowerCase(java.util.Locale.ROOT));
        }
        return env;
    }

    /** Reads a test resource as text, e.g. {@code resource("config/example.yaml")}. */
    public static String resource(String path) {
        try (var in = TestServer.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) throw new IllegalArgumentException("no test resource " + path);
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + tocsin.port();
    }

    public String adminToken() {
        return adminToken;
    }

    /** An HTTP client that sends the admin token. */
    public TestHttp http() {
        return http;
    }

    /** An HTTP client acting with a new token of the given role. */
    public TestHttp as(String userId, Role role) {
        return new TestHttp(baseUrl(), tocsin.tokens().create(userId, role, "test").secret());
    }

    public Tocsin tocsin() {
        return tocsin;
    }

    public TestDatabases.Kind kind() {
        return database.kind();
    }

    @Override
    public void close() {
        try {
            tocsin.close();
        } finally {
            database.close();
        }
    }
}
