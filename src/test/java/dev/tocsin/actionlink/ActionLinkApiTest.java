package dev.tocsin.actionlink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tocsin.json.Json;
import dev.tocsin.testing.SettableClock;
import dev.tocsin.testing.TestDatabases;
import dev.tocsin.testing.TestHttp;
import dev.tocsin.testing.TestServer;
import dev.tocsin.trace.Channel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Action links through the real server, as a person (a browser), ntfy (a POST without Accept) and a JSON client
 * use them: GET asks without acting, POST acts once and the timeline names the link's channel.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActionLinkApiTest {
    static final String EVENTS_KEY = "3f9c0d2a7b4e4c1f9a8d6e5b2c1a0f9e";
    static final String HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private final Map<TestDatabases.Kind, TestServer> servers = new EnumMap<>(TestDatabases.Kind.class);
    private final SettableClock clock = new SettableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));

    @BeforeAll
    void startServers() {
        String yaml = TestServer.resource("config/example.yaml");
        for (TestDatabases.Kind kind : TestDatabases.Kind.values()) {
            try {
                servers.put(kind, TestServer.start(kind, yaml, clock));
            } catch (org.opentest4j.TestAbortedException skipped) {
                // PostgreSQL unreachable outside CI: its cases are skipped below
            }
        }
    }

    @AfterAll
    void stopServers() {
        servers.values().forEach(TestServer::close);
    }

    private TestServer server(TestDatabases.Kind kind) {
        TestServer server = servers.get(kind);
        org.junit.jupiter.api.Assumptions.assumeTrue(server != null, kind + " is not available");
        return server;
    }

    /** Opens an incident with an events-v2 trigger and returns its id. */
    private static long openIncident(TestServer server, String summary) {
        String dedup = UUID.randomUUID().toString();
        ObjectNode event = Json.mapper().createObjectNode()
                .put("routing_key", EVENTS_KEY).put("event_action", "trigger").put("dedup_key", dedup);
        event.putObject("payload").put("summary", summary).put("source", "db-1").put("severity", "critical");
        TestHttp.Response response = server.http().anonymous().postJson("/v2/enqueue", Json.write(event));
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return server.tocsin().database().jdbi().withHandle(handle -> handle
                .createQuery("SELECT incident_id FROM alerts WHERE dedup_key = :dedup").bind("dedup", dedup)
                .mapTo(Long.class).one());
    }

    /** Issues a link the way the paging engine does, inside a write transaction; returns its path. */
    private String link(TestServer server, long incidentId, LinkAction action, Channel channel) {
        String url = server.tocsin().database().writeAndWait(handle -> server.tocsin().actionLinks()
                .create(handle, incidentId, "alice", action, channel, clock.instant()));
        assertThat(url).startsWith(server.tocsin().publicUrl() + "/actions/");
        return URI.create(url).getPath();
    }

    private static TestHttp.Response get(TestServer server, String path, String accept) {
        return server.http().anonymous().send(server.http().anonymous().builder(path).header("Accept", accept).GET());
    }

    private static TestHttp.Response post(TestServer server, String path, String accept) {
        HttpRequest.Builder builder = server.http().anonymous().builder(path).POST(HttpRequest.BodyPublishers.noBody());
        if (accept != null) builder.header("Accept", accept);
        return server.http().anonymous().send(builder);
    }

    private static JsonNode incident(TestServer server, long id) {
        return server.http().get("/api/v1/incidents/" + id).json();
    }

    /** The last entry someone made; paging's own consequences (escalation_stopped …) are by the system. */
    private static JsonNode lastTimelineEntry(TestServer server, long id) {
        JsonNode timeline = incident(server, id).path("timeline");
        for (int i = timeline.size() - 1; i >= 0; i--) {
            if (!timeline.get(i).path("channel").asText().equals("system")) return timeline.get(i);
        }
        throw new AssertionError("no entry by anyone but the system: " + timeline);
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void openingTheLinkAsksForConfirmationAndDoesNotAct(TestDatabases.Kind kind) {
        TestServer server = server(kind);
        long id = openIncident(server, "Database down");
        String path = link(server, id, LinkAction.ACKNOWLEDGE, Channel.EMAIL);

        TestHttp.Response page = get(server, path, HTML);
        TestHttp.Response again = get(server, path, HTML);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(policy -> assertThat(policy).contains("frame-ancestors 'none'"));
        assertThat(page.body()).contains("Acknowledge incident #" + id + " — Database down?")
                .contains("<form method=\"post\"><button type=\"submit\">Acknowledge</button></form>")
                .doesNotContain("<script");
        assertThat(again.status()).isEqualTo(200);
        assertThat(incident(server, id).path("incident").path("status").asText()).isEqualTo("triggered");
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void postingAcknowledgesOnceAndTheTimelineNamesTheChannel(TestDatabases.Kind kind) {
        TestServer server = server(kind);
        long id = openIncident(server, "Database down");
        String path = link(server, id, LinkAction.ACKNOWLEDGE, Channel.EMAIL);

        TestHttp.Response done = post(server, path, HTML);

        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.body()).contains("Acknowledged incident #" + id + " — Database down").doesNotContain("<form");
        JsonNode details = incident(server, id);
        assertThat(details.path("incident").path("status").asText()).isEqualTo("acknowledged");
        JsonNode entry = lastTimelineEntry(server, id);
        assertThat(entry.path("kind").asText()).isEqualTo("acknowledged");
        assertThat(entry.path("actor").asText()).isEqualTo("user:alice");
        assertThat(entry.path("channel").asText()).isEqualTo("email");

        clock.advance(Duration.ofMinutes(2));
        TestHttp.Response second = post(server, path, HTML);
        assertThat(second.status()).isEqualTo(410);
        assertThat(second.body()).contains("This link was already used").contains("already used at");
        assertThat(get(server, path, HTML).status()).isEqualTo(410);
        assertThat(incident(server, id).path("timeline")).hasSize(details.path("timeline").size());
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void anNtfyButtonResolvesAndGetsAShortTextAnswer(TestDatabases.Kind kind) {
        TestServer server = server(kind);
        long id = openIncident(server, "Queue backlog");
        String path = link(server, id, LinkAction.RESOLVE, Channel.PUSH);

        TestHttp.Response done = post(server, path, null);

        assertThat(done.status()).isEqualTo(200);
        assertThat(done.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(done.body()).startsWith("Resolved incident #" + id + " — Queue backlog").doesNotContain("<");
        assertThat(incident(server, id).path("incident").path("status").asText()).isEqualTo("resolved");
        JsonNode entry = lastTimelineEntry(server, id);
        assertThat(entry.path("kind").asText()).isEqualTo("resolved");
        assertThat(entry.path("channel").asText()).isEqualTo("push");
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void jsonClientsGetJsonForTheQuestionTheAnswerAndTheRefusal(TestDatabases.Kind kind) {
        TestServer server = server(kind);
        long id = openIncident(server, "Disk full");
        String path = link(server, id, LinkAction.ACKNOWLEDGE, Channel.PUSH);

        JsonNode question = get(server, path, "application/json").json();
        assertThat(question.path("incident_id").asLong()).isEqualTo(id);
        assertThat(question.path("title").asText()).isEqualTo("Disk full");
        assertThat(question.path("status").asText()).isEqualTo("triggered");
        assertThat(question.path("action").asText()).isEqualTo("acknowledge");
        assertThat(question.path("user_id").asText()).isEqualTo("alice");
        assertThat(question.path("channel").asText()).isEqualTo("push");

        TestHttp.Response answer = post(server, path, "application/json");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("changed").asBoolean()).isTrue();
        assertThat(answer.json().path("action").asText()).isEqualTo("acknowledge");

        TestHttp.Response refusal = post(server, path, "application/json");
        assertThat(refusal.status()).isEqualTo(410);
        assertThat(refusal.json().path("error").path("code").asText()).isEqualTo("gone");
        assertThat(refusal.json().path("error").path("message").asText()).startsWith("link already used at");
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void anAlreadyAcknowledgedIncidentIsNotAnErrorAndTheLinkIsSpent(TestDatabases.Kind kind) {
        TestServer server = server(kind);
        long id = openIncident(server, "Database down");
        String path = link(server, id, LinkAction.ACKNOWLEDGE, Channel.EMAIL);
        assertThat(server.http().post("/api/v1/incidents/" + id + "/acknowledge", "application/json", "{}").status())
                .isEqualTo(200);

        TestHttp.Response done = post(server, path, HTML);

        assertThat(done.status()).isEqualTo(200);
        assertThat(done.body()).contains("Incident #" + id + " was already acknowledged").contains("already acknowledged by");
        assertThat(post(server, path, HTML).status()).isEqualTo(410);
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void acknowledgingAResolvedIncidentIsRefusedWithTheReason(TestDatabases.Kind kind) {
        TestServer server = server(kind);
        long id = openIncident(server, "Database down");
        String path = link(server, id, LinkAction.ACKNOWLEDGE, Channel.EMAIL);
        post(server, link(server, id, LinkAction.RESOLVE, Channel.EMAIL), HTML);

        TestHttp.Response refused = post(server, path, HTML);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("Could not acknowledge incident #" + id).contains("is already resolved");
        assertThat(post(server, path, HTML).status()).isEqualTo(410);
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void escalatingEscalatesAndTheTimelineNamesTheChannel(TestDatabases.Kind kind) {
        TestServer server = server(kind);
        long id = openIncident(server, "Database down");
        String path = link(server, id, LinkAction.ESCALATE, Channel.PUSH);

        TestHttp.Response done = post(server, path, null);

        assertThat(done.status()).isEqualTo(200);
        assertThat(done.body()).startsWith("Escalate incident #" + id).contains("Escalated #" + id + ": now paging ");
        JsonNode entry = lastTimelineEntry(server, id);
        assertThat(entry.path("kind").asText()).isEqualTo("escalated_manually");
        assertThat(entry.path("actor").asText()).isEqualTo("user:alice");
        assertThat(entry.path("channel").asText()).isEqualTo("push");
        assertThat(entry.path("message").asText()).contains("escalated to the next level");
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void anExpiredLinkIsGoneAndDoesNothing(TestDatabases.Kind kind) {
        TestServer server = server(kind);
        long id = openIncident(server, "Database down");
        String path = link(server, id, LinkAction.RESOLVE, Channel.EMAIL);

        clock.advance(ActionLinks.DEFAULT_LIFETIME.plusSeconds(1));
        TestHttp.Response page = get(server, path, HTML);
        TestHttp.Response refused = post(server, path, HTML);

        assertThat(page.status()).isEqualTo(410);
        assertThat(page.body()).contains("This link has expired").doesNotContain("<form");
        assertThat(refused.status()).isEqualTo(410);
        assertThat(refused.body()).contains("This link has expired");
        assertThat(incident(server, id).path("incident").path("status").asText()).isEqualTo("triggered");
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void unknownAndTamperedTokensAreNotFound(TestDatabases.Kind kind) {
        TestServer server = server(kind);
        long id = openIncident(server, "Database down");
        String path = link(server, id, LinkAction.ACKNOWLEDGE, Channel.EMAIL);
        char last = path.charAt(path.length() - 1);
        String tampered = path.substring(0, path.length() - 1) + (last == 'A' ? 'B' : 'A');

        for (String wrong : new String[] {tampered, "/actions/tact_" + "a".repeat(43), "/actions/nonsense"}) {
            assertThat(get(server, wrong, HTML).status()).as(wrong).isEqualTo(404);
            TestHttp.Response refused = post(server, wrong, HTML);
            assertThat(refused.status()).as(wrong).isEqualTo(404);
            assertThat(refused.body()).contains("This link is not valid");
        }
        assertThat(incident(server, id).path("incident").path("status").asText()).isEqualTo("triggered");
        assertThat(post(server, path, HTML).status()).isEqualTo(200);
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void theIncidentTitleIsEscapedOnThePage(TestDatabases.Kind kind) {
        TestServer server = server(kind);
        long id = openIncident(server, "<script>alert('x')</script> & \"disk\"");
        String path = link(server, id, LinkAction.ACKNOWLEDGE, Channel.EMAIL);

        TestHttp.Response page = get(server, path, HTML);

        assertThat(page.body()).doesNotContain("<script>")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;disk&quot;");
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void theDatabaseHoldsOnlyTheTokensHash(TestDatabases.Kind kind) {
        TestServer server = server(kind);
        long id = openIncident(server, "Database down");
        String path = link(server, id, LinkAction.ACKNOWLEDGE, Channel.EMAIL);
        String secret = path.substring("/actions/tact_".length());

        var rows = server.tocsin().database().jdbi().withHandle(handle -> handle
                .createQuery("SELECT * FROM action_links WHERE incident_id = :id").bind("id", id).mapToMap().list());

        assertThat(rows).hasSize(1);
        rows.get(0).values().forEach(value -> assertThat(String.valueOf(value)).doesNotContain(secret));
    }
}
