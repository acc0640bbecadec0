package dev.tocsin.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tocsin.auth.Role;
import dev.tocsin.cli.TocsinCommand;
import dev.tocsin.testing.TestDatabases;
import dev.tocsin.testing.TestHttp;
import dev.tocsin.testing.TestServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** Feed URLs and their tokens through the real server and the CLI (people only: no schedule is computed). */
class CalendarApiTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2027-03-20T10:00:00Z"), ZoneOffset.UTC);
    private static final String PEOPLE = """
            users:
              - { id: alice, name: "Alice Keller", email: alice@example.com, timezone: Europe/Zurich }
              - { id: bob, name: "Bob Meier", email: bob@example.com, timezone: Europe/Zurich }
            """;

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void aPersonGetsTheirFeedUrlOnceAndRotatingStopsTheOldOne(TestDatabases.Kind kind) {
        try (TestServer server = TestServer.start(kind, PEOPLE, CLOCK)) {
            TestHttp alice = server.as("alice", Role.RESPONDER);
            JsonNode first = alice.get("/api/v1/users/alice/calendar").json();
            assertThat(first.path("token_shown").asBoolean()).isTrue();
            String url = first.path("url").asText();
            assertThat(url).startsWith("http://localhost:" + server.tocsin().port() + "/calendar/users/alice.ics?token=tcal_");

            TestHttp.Response feed = fetch(server, url);
            assertThat(feed.status()).isEqualTo(200);
            assertThat(feed.headers().firstValue("Content-Type")).hasValue("text/calendar; charset=utf-8");
            StrictCalendar.parse(feed.body());
            assertThat(feed.body()).contains("X-WR-CALNAME:On call: Alice Keller\r\n");

            JsonNode again = alice.get("/api/v1/users/alice/calendar").json();
            assertThat(again.path("token_shown").asBoolean()).isFalse();
            assertThat(again.path("url").asText()).endsWith("/calendar/users/alice.ics");
            assertThat(fetch(server, url).status()).isEqualTo(200);

            String rotated = alice.postJson("/api/v1/users/alice/calendar/rotate", "{}").json().path("url").asText();
            assertThat(rotated).isNotEqualTo(url);
            assertThat(fetch(server, url).status()).isEqualTo(404);
            assertThat(fetch(server, rotated).status()).isEqualTo(200);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void onlyAdminsMayGetOrRotateAnotherPersonsFeed(TestDatabases.Kind kind) {
        try (TestServer server = TestServer.start(kind, PEOPLE, CLOCK)) {
            TestHttp bob = server.as("bob", Role.RESPONDER);
            assertThat(bob.get("/api/v1/users/alice/calendar").status()).isEqualTo(403);
            assertThat(bob.postJson("/api/v1/users/alice/calendar/rotate", "{}").status()).isEqualTo(403);
            assertThat(server.http().get("/api/v1/users/alice/calendar").status()).isEqualTo(200);
            assertThat(server.http().get("/api/v1/users/nobody/calendar").status()).isEqualTo(404);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void aWrongOrMissingTokenLooksTheSameAsAnUnknownPerson(TestDatabases.Kind kind) {
        try (TestServer server = TestServer.start(kind, PEOPLE, CLOCK)) {
            String url = server.http().get("/api/v1/users/alice/calendar").json().path("url").asText();
            String token = url.substring(url.indexOf("?token=") + 7);
            TestHttp anonymous = server.http().anonymous();
            TestHttp.Response unknown = anonymous.get("/calendar/users/nobody.ics?token=" + token);
            TestHttp.Response wrong = anonymous.get("/calendar/users/alice.ics?token=tcal_wrong");
            TestHttp.Response missing = anonymous.get("/calendar/users/alice.ics");
            TestHttp.Response otherFeed = anonymous.get("/calendar/users/bob.ics?token=" + token);
            for (TestHttp.Response response : new TestHttp.Response[]{unknown, wrong, missing, otherFeed}) {
                assertThat(response.status()).isEqualTo(404);
                assertThat(response.body()).isEqualTo(unknown.body());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void theCliPrintsTheFeedUrlAndRotatesIt(TestDatabases.Kind kind) {
        try (TestServer server = TestServer.start(kind, PEOPLE, CLOCK)) {
            String token = server.tocsin().tokens().create("alice", Role.RESPONDER, "cli").secret();
            String[] common = {"--server", server.baseUrl(), "--token", token};
            Run first = cli("calendar-url", "--user", "alice", common[0], common[1], common[2], common[3]);
            assertThat(first.exit()).isZero();
            assertThat(first.out().strip()).contains("/calendar/users/alice.ics?token=tcal_");
            assertThat(fetch(server, first.out().strip()).status()).isEqualTo(200);

            Run again = cli("calendar-url", "--user", "alice", common[0], common[1], common[2], common[3]);
            assertThat(again.out().strip()).endsWith("/calendar/users/alice.ics");
            assertThat(again.err()).contains("--rotate");

            Run rotated = cli("calendar-url", "--user", "alice", "--rotate", common[0], common[1], common[2], common[3]);
            assertThat(rotated.exit()).isZero();
            assertThat(fetch(server, rotated.out().strip()).status()).isEqualTo(200);
            assertThat(fetch(server, first.out().strip()).status()).isEqualTo(404);

            Run forbidden = cli("calendar-url", "--user", "bob", common[0], common[1], common[2], common[3]);
            assertThat(forbidden.exit()).isNotZero();
            assertThat(forbidden.err()).contains("403");
        }
    }

    record Run(int exit, String out, String err) {
    }

    static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = TocsinCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    /** Fetches a feed URL the server printed (it names localhost; the test server listens on 127.0.0.1). */
    static TestHttp.Response fetch(TestServer server, String url) {
        String path = url.substring(url.indexOf("/calendar/"));
        return server.http().anonymous().get(path);
    }
}
