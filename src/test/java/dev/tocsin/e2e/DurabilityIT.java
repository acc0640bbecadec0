package dev.tocsin.e2e;

import dev.tocsin.testing.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Every event answered 202 is in the database after the server is killed with SIGKILL mid-load. */
class DurabilityIT {
    private static final String KEY = "3f9c0d2a7b4e4c1f9a8d6e5b2c1a0f9e";

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void everyAcceptedEventSurvivesAKillNine(TestDatabases.Kind kind, @TempDir Path workingDirectory) throws Exception {
        try (TestDatabases.TestDatabase database = kind == TestDatabases.Kind.SQLITE
                ? new TestDatabases.TestDatabase(kind, "jdbc:sqlite:" + workingDirectory.resolve("data/tocsin.db"), () -> { })
                : TestDatabases.postgres()) {
            int port = ServerProcess.freePort();
            Set<String> accepted = ConcurrentHashMap.newKeySet();
            AtomicInteger sent = new AtomicInteger();
            CountDownLatch enoughAccepted = new CountDownLatch(2_000);
            try (ServerProcess server = ServerProcess.start(workingDirectory, ServerProcess.jar("serve", "--demo",
                    "--port", Integer.toString(port), "--database-url", database.url()))) {
                server.awaitLine(line -> line.contains("Admin token"), Duration.ofSeconds(120));
                HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
                URI enqueue = URI.create("http://127.0.0.1:" + port + "/v2/enqueue");
                ExecutorService senders = Executors.newFixedThreadPool(16);
                for (int t = 0; t < 16; t++) {
                    senders.submit(() -> {
                        while (!Thread.currentThread().isInterrupted()) {
                            String dedup = "durable-" + sent.incrementAndGet();
                            try {
                                HttpResponse<String> response = client.send(HttpRequest.newBuilder(enqueue)
                                        .header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString("{\"routing_key\":\"" + KEY
                                                + "\",\"event_action\":\"trigger\",\"dedup_key\":\"" + dedup
                                                + "\",\"payload\":{\"summary\":\"durability\",\"source\":\"it\",\"severity\":\"info\"}}"))
                                        .build(), HttpResponse.BodyHandlers.ofString());
                                if (response.statusCode() == 202) {
                                    accepted.add(dedup);
                                    enoughAccepted.countDown();
                                }
                            } catch (Exception connectionLost) {
                                return null;
                            }
                        }
                        return null;
                    });
                }
                assertThat(enoughAccepted.await(120, TimeUnit.SECONDS)).as("2000 events accepted").isTrue();
                server.kill();
                senders.shutdownNow();
                senders.awaitTermination(30, TimeUnit.SECONDS);
            }

            Set<String> stored = new HashSet<>();
            try (Connection connection = DriverManager.getConnection(database.url());
                 ResultSet rows = connection.createStatement().executeQuery("SELECT dedup_key FROM alerts")) {
                while (rows.next()) stored.add(rows.getString(1));
            }
            assertThat(accepted).hasSizeGreaterThanOrEqualTo(2_000);
            assertThat(stored).as("alerts stored after kill -9").containsAll(accepted);
        }
    }
}
