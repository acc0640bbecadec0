package dev.tocsin.cluster;

import dev.tocsin.app.Settings;
import dev.tocsin.app.Tocsin;
import dev.tocsin.auth.IssuedToken;
import dev.tocsin.auth.Role;
import dev.tocsin.testing.SettableClock;
import dev.tocsin.testing.TestDatabases;
import dev.tocsin.testing.TestHttp;
import dev.tocsin.testing.TestServer;
import dev.tocsin.trace.Actor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Tocsin nodes on one PostgreSQL database. Each node's background refresher is stopped, so the tests
 * decide when node B looks at the database ({@code refreshNow()}) and can show what B answers before and after.
 */
class SeveralNodesTest {
    private static final String EXAMPLE = TestServer.resource("config/example.yaml");
    /** Wednesday 24 March 2027, 10:00 UTC: alice holds platform-primary this week. */
    private static final Instant WEDNESDAY = Instant.parse("2027-03-24T10:00:00Z");

    /** Two nodes on one fresh database, with their refreshers stopped. */
    private record Nodes(TestDatabases.TestDatabase database, Tocsin a, Tocsin b) implements AutoCloseable {
        static Nodes start(TestDatabases.TestDatabase database, Clock clock) {
            Nodes nodes = startRefreshing(database, clock);
            nodes.a().sharedState().close();
            nodes.b().sharedState().close();
            return nodes;
        }

        /** Two nodes whose refreshers run in the background, as in production. */
        static Nodes startRefreshing(TestDatabases.TestDatabase database, Clock clock) {
            Tocsin a = Tocsin.start(settings(database), clock);
            Tocsin b = null;
            try {
                b = Tocsin.start(settings(database), clock);
            } finally {
                if (b == null) a.close();
            }
            return new Nodes(database, a, b);
        }

        private static Settings settings(TestDatabases.TestDatabase database) {
            return new Settings("127.0.0.1", 0, database.url(), null, null, false);
        }

        TestHttp http(Tocsin node, String token) {
            return new TestHttp("http://127.0.0.1:" + node.port(), token);
        }

        void applyExampleOnA() {
            a.config().apply(EXAMPLE, "example.yaml", TestServer.testEnvironment(EXAMPLE), false, true, Actor.system());
        }

        @Override
        public void close() {
            try {
                b.close();
                a.close();
            } finally {
                database.close();
            }
        }
    }

    @Test
    void aConfigurationAppliedOnOneNodeIsInForceOnTheOtherAfterItsNextRefresh() {
        try (Nodes nodes = Nodes.start(TestDatabases.postgres(), Clock.systemUTC())) {
            TestHttp onB = nodes.http(nodes.b(), nodes.a().tokens().create("admin", Role.ADMIN, "test").secret());
            nodes.b().sharedState().refreshNow();

            nodes.applyExampleOnA();

            assertThat(onB.get("/api/v1/services/customer-api").status()).isEqualTo(404);
            assertThat(nodes.b().sharedState().refreshNow()).contains("configuration");
            assertThat(nodes.b().config().current().revision()).isEqualTo(nodes.a().config().current().revision());
            assertThat(onB.get("/api/v1/services/customer-api").status()).isEqualTo(200);
            assertThat(onB.get("/api/v1/users/carol").json().path("user").path("timezone").asText()).isEqualTo("Australia/Sydney");
            assertThat(nodes.b().sharedState().refreshNow()).as("nothing new the second time").isEmpty();
        }
    }

    @Test
    void theBackgroundRefresherPutsAnotherNodesApplyInForceWithinTheBound() throws InterruptedException {
        try (Nodes nodes = Nodes.startRefreshing(TestDatabases.postgres(), Clock.systemUTC())) {
            nodes.applyExampleOnA();
            long applied = System.nanoTime();
            long revision = nodes.a().config().current().revision();

            while (nodes.b().config().current().revision() != revision
                    && System.nanoTime() - applied < Duration.ofSeconds(10).toNanos()) {
                Thread.sleep(10);
            }

            Duration noticedAfter = Duration.ofNanos(System.nanoTime() - applied);
            assertThat(nodes.b().config().current().revision()).isEqualTo(revision);
            assertThat(noticedAfter).isLessThanOrEqualTo(SharedStateRefresher.MAX_STALENESS);
        }
    }

    @Test
    void aTokenRevokedOnOneNodeIsRefusedByTheOtherAfterItsNextRefresh() {
        try (Nodes nodes = Nodes.start(TestDatabases.postgres(), Clock.systemUTC())) {
            IssuedToken token = nodes.a().tokens().create("admin", Role.ADMIN, "laptop");
            TestHttp onB = nodes.http(nodes.b(), token.secret());
            nodes.b().sharedState().refreshNow();
            assertThat(onB.get("/api/v1/users").status()).as("a token made on A works on B at once").isEqualTo(200);

            assertThat(nodes.a().tokens().revoke(token.id())).isTrue();

            assertThat(onB.get("/api/v1/users").status()).as("B's cache still holds it until B refreshes").isEqualTo(200);
            assertThat(nodes.b().sharedState().refreshNow()).contains("token cache");
            assertThat(onB.get("/api/v1/users").status()).isEqualTo(401);
            assertThat(nodes.http(nodes.a(), token.secret()).get("/api/v1/users").status()).isEqualTo(401);
        }
    }

    @Test
    void anOverrideMadeOnOneNodeChangesWhoTheOtherPagesAfterItsNextRefresh() {
        SettableClock clock = new SettableClock(WEDNESDAY);
        try (Nodes nodes = Nodes.start(TestDatabases.postgres(), clock)) {
            nodes.applyExampleOnA();
            nodes.b().sharedState().refreshNow();
            Instant thursdayMorning = Instant.parse("2027-03-25T10:00:00Z");
            assertThat(nodes.b().onCall().forSchedule("platform-primary").at(thursdayMorning)).containsExactly("alice");

            TestHttp onA = nodes.http(nodes.a(), nodes.a().tokens().create("admin", Role.ADMIN, "test").secret());
            TestHttp.Response created = onA.postJson("/api/v1/schedules/platform-primary/overrides",
                    "{\"user\":\"bob\",\"start\":\"2027-03-25T09:00\",\"end\":\"2027-03-25T13:00\"}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);

            assertThat(nodes.b().onCall().forSchedule("platform-primary").at(thursdayMorning))
                    .as("B's cached answer until it refreshes").containsExactly("alice");
            assertThat(nodes.b().sharedState().refreshNow()).contains("on-call cache");
            assertThat(nodes.b().onCall().forSchedule("platform-primary").at(thursdayMorning)).containsExactly("bob");
        }
    }

    @Test
    void anEditOnANodeThatHasNotRefreshedYetKeepsWhatTheOtherNodeApplied() {
        try (Nodes nodes = Nodes.start(TestDatabases.postgres(), Clock.systemUTC())) {
            TestHttp onB = nodes.http(nodes.b(), nodes.a().tokens().create("admin", Role.ADMIN, "test").secret());
            nodes.applyExampleOnA();

            TestHttp.Response created = onB.postJson("/api/v1/users",
                    "{\"id\":\"dave\",\"name\":\"Dave\",\"email\":\"dave@example.com\",\"timezone\":\"Europe/Zurich\"}");

            assertThat(created.status()).as(created.body()).isEqualTo(201);
            nodes.a().sharedState().refreshNow();
            assertThat(nodes.a().config().current().user("dave")).isPresent();
            assertThat(nodes.a().config().current().user("alice")).as("A's apply survived B's edit").isPresent();
            assertThat(nodes.a().config().current().serviceName("customer-api")).contains("Customer API");
        }
    }

    @Test
    void nodesStartedTogetherWithTheSameConfigFileAllStartAndRecordOneRevision(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("org.yaml");
        Files.writeString(file, TestServer.resource("demo/organisation.yaml"));
        try (TestDatabases.TestDatabase database = TestDatabases.postgres()) {
            // Migrate first, so the two starts race on the configuration, not on Flyway's schema history.
            Tocsin.start(new Settings("127.0.0.1", 0, database.url(), null, null, false), Clock.systemUTC()).close();
            Settings settings = new Settings("127.0.0.1", 0, database.url(), null, file, false);
            ExecutorService starter = Executors.newFixedThreadPool(2);
            List<Future<Tocsin>> starting = List.of(
                    starter.submit(() -> Tocsin.start(settings, Clock.systemUTC())),
                    starter.submit(() -> Tocsin.start(settings, Clock.systemUTC())));
            List<Tocsin> nodes = new ArrayList<>();
            try {
                for (Future<Tocsin> node : starting) nodes.add(node.get(60, TimeUnit.SECONDS));

                assertThat(nodes.get(0).config().revisions(10)).hasSize(1);
                assertThat(nodes.get(1).config().current().revision()).isEqualTo(nodes.get(0).config().current().revision());
            } finally {
                for (Future<Tocsin> node : starting) {
                    try {
                        node.get(60, TimeUnit.SECONDS).close();
                    } catch (ExecutionException ignored) {
                        // the assertion above reports it
                    }
                }
                starter.shutdown();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void aSingleNodesOwnChangesAreInForceAtOnceAndItsRefreshFindsNothingNew(TestDatabases.Kind kind) {
        try (TestServer server = TestServer.start(kind, null)) {
            Tocsin node = server.tocsin();
            node.sharedState().close();
            node.sharedState().refreshNow();
            IssuedToken token = node.tokens().create("admin", Role.ADMIN, "laptop");
            TestHttp http = new TestHttp(server.baseUrl(), token.secret());
            assertThat(http.get("/api/v1/users").status()).isEqualTo(200);

            node.config().apply(EXAMPLE, "example.yaml", TestServer.testEnvironment(EXAMPLE), false, true, Actor.system());
            node.tokens().revoke(token.id());

            assertThat(http.get("/api/v1/users").status()).isEqualTo(401);
            assertThat(server.http().get("/api/v1/users/alice").status()).isEqualTo(200);
            assertThat(node.sharedState().refreshNow()).as("own changes need no reload of the configuration")
                    .doesNotContain("configuration");
            assertThat(node.sharedState().refreshNow()).isEmpty();
        }
    }
}
