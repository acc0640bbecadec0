package dev.tocsin.testing;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Fresh databases for tests: an SQLite file in a temporary directory, or a new PostgreSQL database on the
 * local server (127.0.0.1:5432, user postgres) that is dropped afterwards. With {@code CI=true} PostgreSQL is
 * mandatory: an unreachable server fails the test instead of skipping it.
 */
public final class TestDatabases {
    public static final String POSTGRES_ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

    public enum Kind { SQLITE, POSTGRESQL }

    private TestDatabases() {
    }

    /** For {@code @MethodSource("dev.tocsin.testing.TestDatabases#kinds")}. */
    public static Stream<Kind> kinds() {
        return Stream.of(Kind.SQLITE, Kind.POSTGRESQL);
    }

    public static TestDatabase create(Kind kind) {
        return kind == Kind.SQLITE ? sqlite() : postgres();
    }

    public static TestDatabase sqlite() {
        try {
            Path directory = Files.createTempDirectory("tocsin-test");
            return new TestDatabase(Kind.SQLITE, "jdbc:sqlite:" + directory.resolve("tocsin.db"), () -> deleteTree(directory));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static TestDatabase postgres() {
        String name = "tocsin_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = DriverManager.getConnection(POSTGRES_ADMIN_URL);
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("PostgreSQL is mandatory under CI=true but unreachable: " + e.getMessage(), e);
            }
            Assumptions.abort("PostgreSQL is not reachable (" + e.getMessage() + "); set CI=true to make this fail");
        }
        String url = "jdbc:postgresql://127.0.0.1:5432/" + name + "?user=postgres";
        return new TestDatabase(Kind.POSTGRESQL, url, () -> drop(name));
    }

    private static void drop(String name) {
        try (Connection admin = DriverManager.getConnection(POSTGRES_ADMIN_URL);
             Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            System.err.println("could not drop test database " + name + ": " + e.getMessage());
        }
    }

    private static void deleteTree(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (java.io.IOException ignored) {
            // temp files; the OS cleans up
        }
    }

    /** A database for one test; closing it deletes it. */
    public record TestDatabase(Kind kind, String url, Runnable cleanup) implements AutoCloseable {
        @Override
        public void close() {
            cleanup.run();
        }

        @Override
        public String toString() {
            return kind.name().toLowerCase();
        }
    }
}
