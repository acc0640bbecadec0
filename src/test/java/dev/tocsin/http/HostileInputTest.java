package dev.tocsin.http;

import dev.tocsin.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tocsin.testing.TestDatabases;
import dev.tocsin.testing.TestHttp;
import dev.tocsin.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a hostile-input probe found, each kept as a case: none may answer 5xx, and a refused request changes
 * nothing. The last test replays a corpus of fuzzed bodies against every ingest endpoint.
 */
class HostileInputTest {
    private static final String KEY = "3f9c0d2a7b4e4c1f9a8d6e5b2c1a0f9e";
    private static final String ICS = TestServer.resource("calendar/shared-calendar.ics");

    private TestServer server;

    @AfterEach
    void stop() {
        if (server != null) server.close();
    }

    private TestServer start(TestDatabases.Kind kind) {
        server = TestServer.start(kind, TestServer.resource("config/example.yaml"));
        return server;
    }

    private long count(String table) {
        return server.tocsin().database().jdbi().withHandle(handle ->
                handle.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
    }

    private int layers() {
        return server.tocsin().config().current().schedule("platform-primary").orElseThrow().layers().size();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"yes\"", "null", "\"false\"", "[]", "{}", "1"})
    void aDryRunThatIsNotExactlyABooleanIsRefusedAndImportsNothing(String dryRun) {
        start(TestDatabases.Kind.SQLITE);
        String body = "{\"layer\":\"google\",\"ics\":" + Json.write(ICS) + ",\"dry_run\":" + dryRun + "}";
        long revisions = count("config_revisions");

        for (String path : List.of("/api/v1/schedules/platform-primary/import", "/api/v1/schedules/platform-primary/import?dry_run=true")) {
            TestHttp.Response refused = server.http().postJson(path, body);
            assertThat(refused.status()).as(path + " " + dryRun + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.json().path("error").path("message").asText()).contains("dry_run");
        }
        assertThat(server.http().postJson("/api/v1/schedules/platform-primary/import?dry_run=maybe",
                "{\"layer\":\"google\",\"ics\":" + Json.write(ICS) + "}").status()).isEqualTo(400);
        assertThat(layers()).isEqualTo(1);
        assertThat(count("config_revisions")).isEqualTo(revisions);
    }

    @ParameterizedTest
    @ValueSource(strings = {"FREQ=SECONDLY", "FREQ=MINUTELY;INTERVAL=5", "FREQ=HOURLY", "FREQ=DAILY;BYMINUTE=0,10,20,30,40,50"})
    void aCalendarThatWouldExpandWithoutBoundIsRefusedQuickly(String rule) {
        start(TestDatabases.Kind.SQLITE);
        String ics = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//hostile//EN", "BEGIN:VEVENT",
                "UID:storm@hostile", "DTSTAMP:20270101T000000Z", "DTSTART:20270301T000000Z", "DTEND:20270301T000001Z",
                "RRULE:" + rule, "ATTENDEE:mailto:alice@example.com", "SUMMARY:alice", "END:VEVENT", "END:VCALENDAR", "");
        long started = System.nanoTime();

        TestHttp.Response refused = server.http().postJson("/api/v1/schedules/platform-primary/import",
                Json.write(Map.of("layer", "storm", "ics", ics)));

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().path("error").path("message").asText()).contains("storm@hostile");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(layers()).isEqualTo(1);
        assertThat(server.http().get("/readyz").status()).isEqualTo(200);
    }

    @Test
    void anEmptyDryRunOnApplyIsRefusedAndAppliesNothing() {
        start(TestDatabases.Kind.SQLITE);
        long revisions = count("config_revisions");
        String yaml = server.tocsin().config().exportYaml().replace("Customer API", "Customer API v2");

        TestHttp.Response refused = server.http().send(server.http().builder("/api/v1/config/apply?dry_run=")
                .header("Content-Type", "application/yaml").POST(HttpRequest.BodyPublishers.ofString(yaml)));

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("dry_run");
        assertThat(count("config_revisions")).isEqualTo(revisions);
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void extremeTimestampsAreA400NamingTheField(TestDatabases.Kind kind) {
        start(kind);
        String far = "+999999999-12-31T23:59:59Z";
        String early = "-999999999-01-01T00:00:00Z";
        long events = count("change_events");

        TestHttp.Response change = server.http().anonymous().postJson("/v2/change/enqueue",
                "{\"routing_key\":\"" + KEY + "\",\"payload\":{\"summary\":\"Deploy\",\"timestamp\":\"" + far + "\"}}");
        assertThat(change.status()).as(change.body()).isEqualTo(400);
        assertThat(change.body()).contains("payload.timestamp");
        assertThat(count("change_events")).isEqualTo(events);
        TestHttp.Response alert = server.http().anonymous().postJson("/v2/enqueue", "{\"routing_key\":\"" + KEY
                + "\",\"event_action\":\"trigger\",\"payload\":{\"summary\":\"x\",\"source\":\"s\",\"severity\":\"info\",\"timestamp\":\"" + far + "\"}}");
        assertThat(alert.status()).isEqualTo(400);

        for (String path : List.of("/api/v1/schedules/platform-primary/oncall?at=" + early,
                "/api/v1/schedules/platform-primary/overrides?from=" + early,
                "/api/v1/reports/hours?from=" + early + "&to=2027-01-01T00:00:00Z",
                "/api/v1/schedules/platform-primary/oncall?at=" + far.replace("+", "%2B"))) {
            TestHttp.Response response = server.http().get(path);
            assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(400);
            assertThat(response.json().path("error").toString()).containsAnyOf("at", "from").contains("outside the years");
        }
        TestHttp.Response edge = server.http().get("/api/v1/schedules/platform-primary/oncall?at=9999-12-31T00:00:00Z");
        assertThat(edge.status()).as(edge.body()).isLessThan(500);
        TestHttp alice = server.as("alice", dev.tocsin.auth.Role.RESPONDER);
        TestHttp.Response swap = alice.postJson("/api/v1/swaps", "{\"schedule\":\"platform-primary\",\"start\":\"" + early
                + "\",\"with\":\"bob\",\"their_schedule\":\"platform-primary\",\"their_start\":\"" + far + "\"}");
        assertThat(swap.status()).as(swap.body()).isEqualTo(400);
        assertThat(swap.body()).contains("start");
    }

    @Test
    void aHugeConfigurationFieldIsRefusedAtOnceAndDoesNotHoldUpOtherWrites() {
        start(TestDatabases.Kind.SQLITE);
        JsonNode alice = server.http().get("/api/v1/users/alice").json().path("user");
        String huge = Json.write(Map.of("id", "alice", "name", "Alice", "timezone", "Z".repeat(1_000_000)));
        long revisions = count("config_revisions");

        long started = System.nanoTime();
        TestHttp.Response refused = server.http().putJson("/api/v1/users/alice", huge);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("timezone").contains("at most 10000").hasSizeLessThan(5_000);
        assertThat(took).isLessThan(Duration.ofSeconds(5));
        assertThat(count("config_revisions")).isEqualTo(revisions);
        assertThat(server.http().get("/api/v1/users/alice").json().path("user")).isEqualTo(alice);
    }

    @Test
    void aDeclaredBodyOverTwoGigabytesIsRefusedAtOnce() throws Exception {
        start(TestDatabases.Kind.SQLITE);
        URI base = URI.create(server.baseUrl());
        for (String path : List.of("/v2/enqueue", "/api/v1/incidents/1/notes", "/integrations/alertmanager/am-customer-api-0b1c2d3e")) {
            try (Socket socket = new Socket(base.getHost(), base.getPort())) {
                socket.setSoTimeout(5_000);
                OutputStream out = socket.getOutputStream();
                out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 3000000000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String status = firstLine(socket.getInputStream());
                assertThat(status).as(path).startsWith("HTTP/1.1 413");
            }
        }
        TestHttp.Response fine = server.http().anonymous().postJson("/v2/enqueue", "{\"routing_key\":\"" + KEY
                + "\",\"event_action\":\"trigger\",\"payload\":{\"summary\":\"still works\",\"source\":\"s\",\"severity\":\"info\"}}");
        assertThat(fine.status()).isEqualTo(202);
    }

    private static String firstLine(InputStream in) throws java.io.IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) line.write(c);
        return line.toString(StandardCharsets.US_ASCII).strip();
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void dedupKeysAreNeverChangedOnTheWayIn(TestDatabases.Kind kind) {
        start(kind);
        long alerts = count("alerts");
        byte[] overlong = ("{\"routing_key\":\"" + KEY + "\",\"event_action\":\"trigger\",\"dedup_key\":\"")
                .getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(overlong);
        body.writeBytes(new byte[] {(byte) 0xC0, (byte) 0xAE, (byte) 0xC0, (byte) 0xAE, (byte) 0xC0, (byte) 0xAF});
        body.writeBytes("\",\"payload\":{\"summary\":\"x\",\"source\":\"s\",\"severity\":\"info\"}}".getBytes(StandardCharsets.UTF_8));
        TestHttp.Response refused = server.http().anonymous().send(server.http().anonymous().builder("/v2/enqueue")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("UTF-8");

        for (String key : List.of("\\ud800-k", "\\udbff-k", "k-\\udc00")) {
            TestHttp.Response lone = server.http().anonymous().postJson("/v2/enqueue", "{\"routing_key\":\"" + KEY
                    + "\",\"event_action\":\"trigger\",\"dedup_key\":\"" + key + "\",\"payload\":{\"summary\":\"x\",\"source\":\"s\",\"severity\":\"info\"}}");
            assertThat(lone.status()).as(key + ": " + lone.body()).isEqualTo(400);
            assertThat(lone.body()).contains("dedup_key").contains("unpaired surrogate");
        }
        assertThat(count("alerts")).isEqualTo(alerts);

        String emoji = "k-\uD83D\uDD25";   // a proper pair is text and is kept exactly
        TestHttp.Response kept = server.http().anonymous().postJson("/v2/enqueue", "{\"routing_key\":\"" + KEY
                + "\",\"event_action\":\"trigger\",\"dedup_key\":\"" + emoji + "\",\"payload\":{\"summary\":\"x\",\"source\":\"s\",\"severity\":\"info\"}}");
        assertThat(kept.status()).isEqualTo(202);
        String stored = server.tocsin().database().jdbi().withHandle(handle ->
                handle.createQuery("SELECT dedup_key FROM alerts ORDER BY id DESC LIMIT 1").mapTo(String.class).one());
        assertThat(stored).isEqualTo(emoji);
    }

    /** Hostile bodies and seeded random mutations of real payloads on every ingest endpoint: never a 5xx. */
    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void noFuzzedIngestBodyGetsA5xxOrChangesWhatItRefused(TestDatabases.Kind kind) {
        start(kind);
        List<String> endpoints = List.of("/v2/enqueue", "/generic/2010-04-15/create_event.json", "/v2/change/enqueue",
                "/integrations/alertmanager/am-customer-api-0b1c2d3e", "/integrations/grafana/gf-customer-api-5d6e7f80",
                "/integrations/generic/gen-customer-api-1a2b3c4d");
        List<String> seeds = List.of(
                "{\"routing_key\":\"" + KEY + "\",\"event_action\":\"trigger\",\"dedup_key\":\"d1\",\"payload\":{\"summary\":\"s\",\"source\":\"h\",\"severity\":\"critical\",\"timestamp\":\"2026-11-17T10:00:00Z\"}}",
                "{\"service_key\":\"" + KEY + "\",\"event_type\":\"trigger\",\"incident_key\":\"i1\",\"description\":\"d\"}",
                "{\"version\":\"4\",\"status\":\"firing\",\"alerts\":[{\"status\":\"firing\",\"labels\":{\"alertname\":\"A\"},\"fingerprint\":\"f1\",\"startsAt\":\"2026-11-17T10:00:00Z\"}]}",
                "{\"summary\":\"x\",\"dedup_key\":\"g1\",\"status\":\"trigger\",\"severity\":\"warning\"}");
        List<String> hostile = List.of("", "null", "[]", "\"x\"", "{", "{\"payload\":[]}", "{\"routing_key\":{}}",
                "{\"routing_key\":\"" + KEY + "\",\"event_action\":\"trigger\",\"payload\":{\"summary\":" + "[".repeat(5000) + "}}",
                "{\"alerts\":[null,1,\"x\",{}]}", "{\"alerts\":{\"labels\":[]}}", "{\"status\":\"firing\",\"alerts\":[{\"labels\":null}]}",
                "{\"routing_key\":\"" + KEY + "\",\"event_action\":\"trigger\",\"payload\":{\"summary\":\"s\",\"source\":\"h\",\"severity\":\"critical\",\"timestamp\":\"-999999999-01-01T00:00:00Z\"}}",
                "{\"routing_key\":\"" + KEY + "\",\"event_action\":\"acknowledge\",\"dedup_key\":\"" + "k".repeat(300) + "\"}",
                "{\"routing_key\":\"" + KEY + "\",\"event_action\":\"trigger\",\"payload\":{\"summary\":1e999999,\"source\":true,\"severity\":-0}}");
        Random random = new Random(20261203L);
        List<String> bodies = new ArrayList<>(hostile);
        for (int i = 0; i < 150; i++) bodies.add(mutate(seeds.get(random.nextInt(seeds.size())), random));

        List<String> failures = new ArrayList<>();
        for (String endpoint : endpoints) {
            for (String body : bodies) {
                long events = count("events");
                TestHttp.Response response = server.http().anonymous().send(server.http().anonymous().builder(endpoint)
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
                if (response.status() >= 500) failures.add(endpoint + " " + response.status() + " for " + abbreviated(body));
                if (response.status() >= 400 && count("events") != events) failures.add(endpoint + " refused but stored " + abbreviated(body));
            }
        }
        assertThat(failures).isEmpty();
    }

    private static String mutate(String seed, Random random) {
        StringBuilder text = new StringBuilder(seed);
        int edits = 1 + random.nextInt(4);
        String[] inserts = {"\"", "{", "}", "[", "]", ",", ":", "null", "\\u0000", "\\ud800", "1e309", "-", "\u00e9", "\uD83D\uDD25", "\\"};
        for (int i = 0; i < edits && text.length() > 0; i++) {
            int at = random.nextInt(text.length());
            switch (random.nextInt(3)) {
                case 0 -> text.deleteCharAt(at);
                case 1 -> text.insert(at, inserts[random.nextInt(inserts.length)]);
                default -> text.setCharAt(at, (char) (32 + random.nextInt(95)));
            }
        }
        return text.toString();
    }

    private static String abbreviated(String body) {
        return body.length() <= 120 ? body : body.substring(0, 117) + "…";
    }
}
