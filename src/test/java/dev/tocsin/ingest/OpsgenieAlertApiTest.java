package dev.tocsin.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tocsin.testing.TestDatabases;
import dev.tocsin.testing.TestHttp;
import dev.tocsin.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentest4j.TestAbortedException;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Opsgenie Alert API through a real server on SQLite and PostgreSQL, driven with the bodies Prometheus
 * Alertmanager's {@code opsgenie_configs} sends: create with the group key's hash as alias, and close by alias when
 * the group resolves.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpsgenieAlertApiTest {
    static final String KEY = "og-customer-api-7e8f9a0b";
    static final String P3_HIGH_KEY = "og-customer-api-p3-high";
    static final String SLOW_KEY = "og-customer-api-slow";
    static final String EVENTS_V2_KEY = "ev-customer-api-2c3d4e5f";
    /** Stands still, so the slow key's bucket never refills during the tests. */
    private static final Clock STOPPED = Clock.fixed(Instant.parse("2026-11-24T22:00:00Z"), ZoneOffset.UTC);
    /** The alias in the payload file: Alertmanager's hex SHA-256 of the group key. */
    static final String PAYLOAD_ALIAS = "558b79073d7341d427c63af07b90f482a501267929ebae0c3c90273093254c92";

    private final Map<TestDatabases.Kind, TestServer> servers = new EnumMap<>(TestDatabases.Kind.class);

    @BeforeAll
    void startServers() {
        for (TestDatabases.Kind kind : TestDatabases.Kind.values()) {
            try {
                servers.put(kind, TestServer.start(kind, TestServer.resource("config/opsgenie.yaml"), STOPPED));
            } catch (TestAbortedException skipped) {
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
        Assumptions.assumeTrue(server != null, kind + " is not available");
        return server;
    }

    private static TestHttp.Response post(TestServer server, String path, String key, String body) {
        HttpRequest.Builder request = server.http().anonymous().builder(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (key != null) request.header("Authorization", "GenieKey " + key);
        return server.http().anonymous().send(request);
    }

    /** Alertmanager's create body, with an alias of its own so the scenarios do not meet. */
    private static String alertmanagerCreate(String alias) {
        return new String(Payloads.bytes("alertmanager-opsgenie-create.json"), StandardCharsets.UTF_8)
                .replace(PAYLOAD_ALIAS, alias);
    }

    private static String alertmanagerClose() {
        return new String(Payloads.bytes("alertmanager-opsgenie-close.json"), StandardCharsets.UTF_8);
    }

    private static String alias() {
        return UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
    }

    private static JsonNode accepted(TestHttp.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        JsonNode body = response.json();
        assertThat(body.path("result").asText()).isEqualTo("Request will be processed");
        assertThat(body.path("took").isNumber()).isTrue();
        assertThat(body.path("requestId").asText()).hasSize(36);
        return body.path("data");
    }

    private static JsonNode incident(TestServer server, long id) {
        return server.http().get("/api/v1/incidents/" + id).json();
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void alertmanagersCreateOpensAnIncidentARepeatIsDeduplicatedAndCloseResolvesIt(TestDatabases.Kind kind) {
        TestServer server = server(kind);
        String alias = alias();

        JsonNode created = accepted(post(server, "/v2/alerts", KEY, alertmanagerCreate(alias)));
        JsonNode repeated = accepted(post(server, "/v2/alerts", KEY, alertmanagerCreate(alias)));

        assertThat(created.path("status").asText()).isEqualTo("created");
        assertThat(created.path("alias").asText()).isEqualTo(alias);
        long incidentId = created.path("incidentId").asLong();
        assertThat(repeated.path("status").asText()).isEqualTo("deduplicated");
        assertThat(repeated.path("incidentId").asLong()).isEqualTo(incidentId);
        JsonNode opened = incident(server, incidentId);
        assertThat(opened.path("incident").path("title").asText()).isEqualTo("[FIRING:1] HighErrorRate (customer-api critical)");
        assertThat(opened.path("incident").path("urgency").asText()).as("P1").isEqualTo("high");
        assertThat(opened.path("alerts")).hasSize(1);
        assertThat(opened.path("alerts").get(0).path("details").path("details").path("job").asText()).isEqualTo("customer-api");

        JsonNode closed = accepted(post(server, "/v2/alerts/" + alias + "/close?identifierType=alias", KEY, alertmanagerClose()));

        assertThat(closed.path("status").asText()).isEqualTo("resolved");
        JsonNode resolved = incident(server, incidentId);
        assertThat(resolved.path("incident").path("status").asText()).isEqualTo("resolved");
        assertThat(resolved.path("incident").path("resolved_by").asText())
                .isEqualTo("integration:opsgenie (http://alertmanager:9093/#/alerts?receiver=tocsin-customer-api)");
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void aCreateAfterTheCloseOpensANewIncident(TestDatabases.Kind kind) {
        TestServer server = server(kind);
        String alias = alias();
        long first = accepted(post(server, "/v2/alerts", KEY, alertmanagerCreate(alias))).path("incidentId").asLong();
        accepted(post(server, "/v2/alerts/" + alias + "/close?identifierType=alias", KEY, alertmanagerClose()));

        JsonNode again = accepted(post(server, "/v2/alerts", KEY, alertmanagerCreate(alias)));

        assertThat(again.path("status").asText()).isEqualTo("created");
        assertThat(again.path("incidentId").asLong()).isNotEqualTo(first);
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void aCloseForAnAliasWithNoOpenAlertIsAcceptedAndDropped(TestDatabases.Kind kind) {
        JsonNode dropped = accepted(post(server(kind), "/v2/alerts/" + alias() + "/close?identifierType=alias", KEY,
                alertmanagerClose()));

        assertThat(dropped.path("status").asText()).isEqualTo("dropped");
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void aWrongGenieKeyIs401InOpsgeniesShape(TestDatabases.Kind kind) {
        TestServer server = server(kind);
        String body = alertmanagerCreate(alias());

        TestHttp.Response unknown = post(server, "/v2/alerts", "og-not-configured-1234", body);
        TestHttp.Response missing = post(server, "/v2/alerts", null, body);
        TestHttp.Response wrongType = post(server, "/v2/alerts", EVENTS_V2_KEY, body);

        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.json().path("message").asText()).isEqualTo("Could not authenticate");
        assertThat(unknown.json().path("took").isNumber()).isTrue();
        assertThat(unknown.json().path("requestId").asText()).hasSize(36);
        assertThat(unknown.json().path("errors").path("Authorization").asText()).contains("not a configured integration key");
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.json().path("errors").path("Authorization").asText()).contains("GenieKey");
        assertThat(wrongType.status()).isEqualTo(403);
        assertThat(wrongType.json().path("errors").path("Authorization").asText()).contains("'events-v2' integration", "/v2/enqueue");
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void aMissingOrTooLongMessageIs422NamingTheField(TestDatabases.Kind kind) {
        TestServer server = server(kind);
        String tooLong = "x".repeat(131);

        TestHttp.Response missing = post(server, "/v2/alerts", KEY, "{\"alias\":\"a-1\",\"priority\":\"P1\"}");
        TestHttp.Response blank = post(server, "/v2/alerts", KEY, "{\"message\":\"  \"}");
        TestHttp.Response longer = post(server, "/v2/alerts", KEY, "{\"message\":\"" + tooLong + "\"}");
        TestHttp.Response wrongTypes = post(server, "/v2/alerts", KEY, "{\"message\":\"disk\",\"tags\":\"a,b\",\"details\":[1]}");
        TestHttp.Response notJson = post(server, "/v2/alerts", KEY, "{\"message\":");

        for (TestHttp.Response response : new TestHttp.Response[] {missing, blank, longer, wrongTypes}) {
            assertThat(response.status()).as(response.body()).isEqualTo(422);
            assertThat(response.json().path("message").asText()).isEqualTo("Request body is not processable. Please check the errors.");
            assertThat(response.json().path("requestId").asText()).hasSize(36);
        }
        assertThat(missing.json().path("errors").path("message").asText()).isEqualTo("Message can not be empty.");
        assertThat(blank.json().path("errors").path("message").asText()).isEqualTo("Message can not be empty.");
        assertThat(longer.json().path("errors").path("message").asText()).contains("130 characters");
        assertThat(wrongTypes.json().path("errors").path("tags").asText()).contains("list");
        assertThat(wrongTypes.json().path("errors").path("details").asText()).contains("object");
        assertThat(notJson.status()).as("Opsgenie answers a syntax error with 400").isEqualTo(400);
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void aMessageOf130CharactersIsTakenEvenWhenSomeAreOutsideTheBasicPlane(TestDatabases.Kind kind) {
        // 130 code points, 131 UTF-16 chars: Alertmanager cuts to 130 runes, so this arrives and must be taken
        String message = "🔥" + "x".repeat(129);

        TestHttp.Response response = post(server(kind), "/v2/alerts", KEY, "{\"message\":\"" + message + "\"}");

        assertThat(accepted(response).path("status").asText()).isEqualTo("created");
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void priorityDecidesUrgencyAndTheIntegrationSaysWhichPrioritiesAreHigh(TestDatabases.Kind kind) {
        TestServer server = server(kind);
        String p3 = "{\"message\":\"queue backlog\",\"priority\":\"P3\"}";

        long byDefault = accepted(post(server, "/v2/alerts", KEY, p3)).path("incidentId").asLong();
        long configured = accepted(post(server, "/v2/alerts", P3_HIGH_KEY, p3)).path("incidentId").asLong();
        long unset = accepted(post(server, "/v2/alerts", KEY, "{\"message\":\"no priority\"}")).path("incidentId").asLong();
        long p2 = accepted(post(server, "/v2/alerts", KEY, "{\"message\":\"p2\",\"priority\":\"P2\"}")).path("incidentId").asLong();

        assertThat(incident(server, byDefault).path("incident").path("urgency").asText()).isEqualTo("low");
        assertThat(incident(server, configured).path("incident").path("urgency").asText()).isEqualTo("high");
        assertThat(incident(server, unset).path("incident").path("urgency").asText()).as("Opsgenie's default P3").isEqualTo("low");
        assertThat(incident(server, p2).path("incident").path("urgency").asText()).isEqualTo("high");
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void acknowledgeByIdAndANoteByAliasAreOnTheTimelineAsTheIntegration(TestDatabases.Kind kind) {
        TestServer server = server(kind);
        JsonNode created = accepted(post(server, "/v2/alerts", KEY, "{\"message\":\"disk full on db-1\",\"priority\":\"P1\"}"));
        String alertId = created.path("alertId").asText();
        String generatedAlias = created.path("alias").asText();
        long incidentId = created.path("incidentId").asLong();
        assertThat(generatedAlias).as("without an alias each create is a new alert").hasSize(32);

        JsonNode acknowledged = accepted(post(server, "/v2/alerts/" + alertId + "/acknowledge", KEY,
                "{\"user\":\"monitoring\",\"source\":\"ops-script\"}"));
        JsonNode noted = accepted(post(server, "/v2/alerts/" + generatedAlias + "/notes?identifierType=alias", KEY,
                "{\"note\":\"failing over to db-2\",\"source\":\"ops-script\"}"));

        assertThat(acknowledged.path("status").asText()).isEqualTo("acknowledged");
        assertThat(noted.path("status").asText()).isEqualTo("noted");
        JsonNode details = incident(server, incidentId);
        assertThat(details.path("incident").path("status").asText()).isEqualTo("acknowledged");
        JsonNode ack = find(details.path("timeline"), "acknowledged");
        assertThat(ack.path("actor").asText()).isEqualTo("integration:opsgenie (ops-script)");
        assertThat(ack.path("channel").asText()).isEqualTo("event");
        JsonNode note = find(details.path("timeline"), "note");
        assertThat(note.path("actor").asText()).isEqualTo("integration:opsgenie (ops-script)");
        assertThat(note.path("message").asText()).contains("failing over to db-2");
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void anUnknownIdentifierTypeOrAnEmptyNoteIs422(TestDatabases.Kind kind) {
        TestServer server = server(kind);

        TestHttp.Response type = post(server, "/v2/alerts/x/close?identifierType=name", KEY, "{}");
        TestHttp.Response note = post(server, "/v2/alerts/x/notes?identifierType=alias", KEY, "{\"note\":\"\"}");

        assertThat(type.status()).isEqualTo(422);
        assertThat(type.json().path("errors").path("identifierType").asText()).contains("id, alias or tiny");
        assertThat(note.status()).isEqualTo(422);
        assertThat(note.json().path("errors").path("note").asText()).isEqualTo("Note can not be empty.");
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void metricsCountAcceptedAndRejectedRequests(TestDatabases.Kind kind) {
        TestServer server = server(kind);
        accepted(post(server, "/v2/alerts", KEY, alertmanagerCreate(alias())));
        post(server, "/v2/alerts", "og-not-configured-1234", "{\"message\":\"x\"}");
        post(server, "/v2/alerts", KEY, "{}");

        String metrics = server.http().anonymous().get("/metrics").body();

        assertThat(metrics).contains("tocsin_events_accepted_total{endpoint=\"opsgenie\",reason=\"created\"}",
                "tocsin_events_rejected_total{endpoint=\"opsgenie\",reason=\"unknown_key\"}",
                "tocsin_events_rejected_total{endpoint=\"opsgenie\",reason=\"invalid\"}");
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void overItsRateLimitTheKeyIsAnswered429WhichAlertmanagerRetries(TestDatabases.Kind kind) {
        TestServer server = server(kind);
        String close = alertmanagerClose();

        TestHttp.Response first = post(server, "/v2/alerts/" + alias() + "/close?identifierType=alias", SLOW_KEY, close);
        TestHttp.Response second = post(server, "/v2/alerts/" + alias() + "/close?identifierType=alias", SLOW_KEY, close);

        assertThat(first.status()).isEqualTo(202);
        assertThat(second.status()).isEqualTo(429);
        assertThat(second.json().path("message").asText()).contains("too many requests");
        assertThat(second.headers().firstValue("Retry-After")).isPresent();
        assertThat(second.headers().firstValue("X-RateLimit-State")).hasValue("THROTTLED");
    }

    private static JsonNode find(JsonNode timeline, String kind) {
        for (JsonNode entry : timeline) if (entry.path("kind").asText().equals(kind)) return entry;
        throw new AssertionError("no '" + kind + "' entry in " + timeline);
    }
}
