package dev.tocsin.provider.twilio;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tocsin.incident.Incidents;
import dev.tocsin.incident.IncidentStatus;
import dev.tocsin.delivery.DeliveryStatuses;
import dev.tocsin.testing.TestDatabases;
import dev.tocsin.testing.TestHttp;
import dev.tocsin.testing.TestServer;
import dev.tocsin.trace.Channel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Twilio's webhooks through the real server: signed form posts in, TwiML out, incidents acted on. */
class TwilioWebhooksTest {
    private static final String KEY = "3f9c0d2a7b4e4c1f9a8d6e5b2c1a0f9e";
    private static final String TOKEN = "test-twilio_auth_token";
    private static final String ALICE_PHONE = "+41790000001";
    private static final String TWILIO_NUMBER = "+15550100";

    private TestServer server;

    @AfterEach
    void stop() {
        if (server != null) server.close();
    }

    private void start(TestDatabases.Kind kind) {
        server = TestServer.start(kind, TestServer.resource("config/example.yaml"));
    }

    private long openIncidentFor(String user, String summary) {
        String dedup = UUID.randomUUID().toString();
        TestHttp.Response response = server.http().anonymous().postJson("/v2/enqueue", """
                {"routing_key":"%s","event_action":"trigger","dedup_key":"%s",
                 "payload":{"summary":"%s","source":"db-1","severity":"critical"}}""".formatted(KEY, dedup, summary));
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        long id = server.http().get("/api/v1/incidents?limit=1").json().path("incidents").get(0).path("id").asLong();
        assertThat(server.http().postJson("/api/v1/incidents/" + id + "/reassign", "{\"users\":[\"" + user + "\"]}").status())
                .isEqualTo(200);
        return id;
    }

    /** Posts a form signed the way Twilio signs it, for the URL Twilio would call (the public URL). */
    private TestHttp.Response twilio(String pathAndQuery, Map<String, String> form, String token) {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        form.forEach((key, value) -> lists.put(key, List.of(value)));
        String signature = TwilioSignature.compute(token, server.tocsin().publicUrl() + pathAndQuery, lists);
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return server.http().anonymous().send(server.http().anonymous().builder(pathAndQuery)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", signature)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
    }

    private Incidents.Details details(long id) {
        return server.tocsin().incidents().find(id).orElseThrow();
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void replyingFourAcknowledgesTheNewestIncidentAssignedToTheSender(TestDatabases.Kind kind) {
        start(kind);
        openIncidentFor("alice", "older");
        long newest = openIncidentFor("alice", "Disk full");

        TestHttp.Response reply = twilio("/webhooks/twilio/sms", Map.of("From", ALICE_PHONE, "To", TWILIO_NUMBER,
                "Body", " 4 ", "MessageSid", "SM1"), TOKEN);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.headers().firstValue("Content-Type").orElse("")).startsWith("text/xml");
        assertThat(reply.body()).endsWith("<Response><Message>Acknowledged #" + newest + ".</Message></Response>");
        var incident = details(newest);
        assertThat(incident.incident().status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
        assertThat(incident.incident().acknowledgedBy()).isEqualTo("user:alice");
        assertThat(incident.timeline()).anyMatch(entry -> entry.channel() == Channel.SMS
                && entry.actor().toString().equals("user:alice"));
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void replyNamingAnIncidentResolvesThatOne(TestDatabases.Kind kind) {
        start(kind);
        long named = openIncidentFor("alice", "first");
        openIncidentFor("alice", "second");

        TestHttp.Response reply = twilio("/webhooks/twilio/sms", Map.of("From", ALICE_PHONE, "Body", "6 #" + named), TOKEN);

        assertThat(reply.body()).contains("<Message>Resolved #" + named + ".</Message>");
        assertThat(details(named).incident().status()).isEqualTo(IncidentStatus.RESOLVED);
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void replyingEightEscalatesToTheNextLevel(TestDatabases.Kind kind) {
        start(kind);
        long id = openIncidentFor("alice", "Disk full");

        TestHttp.Response reply = twilio("/webhooks/twilio/sms", Map.of("From", ALICE_PHONE, "Body", "8"), TOKEN);

        // The example's level 2 is the backup schedule, which bob holds whenever alice is primary, and vice versa.
        assertThat(reply.body()).contains("Escalated #" + id + ": now paging ");
        assertThat(details(id).incident().status()).isEqualTo(IncidentStatus.TRIGGERED);
        assertThat(details(id).timeline()).anyMatch(entry -> "escalated_manually".equals(entry.kind())
                && entry.channel() == Channel.SMS && entry.actor().id().equals("alice"));
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void withoutAnAssignedIncidentTheReplyAsksForTheNumber(TestDatabases.Kind kind) {
        start(kind);

        TestHttp.Response reply = twilio("/webhooks/twilio/sms", Map.of("From", ALICE_PHONE, "Body", "ack"), TOKEN);

        assertThat(reply.body()).contains("<Message>Which incident?").contains("e.g. 4 123");
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void unsignedOrWronglySignedRequestsAreRefused(TestDatabases.Kind kind) {
        start(kind);
        long id = openIncidentFor("alice", "Disk full");

        TestHttp.Response unsigned = server.http().anonymous().post("/webhooks/twilio/sms",
                "application/x-www-form-urlencoded", "From=%2B41790000001&Body=4");
        TestHttp.Response wrong = twilio("/webhooks/twilio/sms", Map.of("From", ALICE_PHONE, "Body", "4"), "not-the-token");
        TestHttp.Response status = twilio("/webhooks/twilio/status", Map.of("MessageSid", "SM1", "MessageStatus", "sent"), "x");

        assertThat(List.of(unsigned.status(), wrong.status(), status.status())).containsOnly(403);
        assertThat(details(id).incident().status()).isEqualTo(IncidentStatus.TRIGGERED);
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void pagingCallSaysTheIncidentAndPressingSixResolvesIt(TestDatabases.Kind kind) {
        start(kind);
        long id = openIncidentFor("alice", "Disk <full>");
        String path = "/webhooks/twilio/voice?incident=" + id;

        TestHttp.Response answer = twilio(path, Map.of("CallSid", "CA1", "From", TWILIO_NUMBER, "To", ALICE_PHONE,
                "Direction", "outbound-api", "CallStatus", "in-progress"), TOKEN);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body())
                .contains("<Gather input=\"dtmf\" numDigits=\"1\"")
                .contains("action=\"" + server.tocsin().publicUrl() + path + "\"")
                .contains("Incident number " + id).contains("Disk &lt;full&gt;").contains("high urgency")
                .contains("Press 4 to acknowledge, 6 to resolve, 8 to escalate.");

        TestHttp.Response pressed = twilio(path, Map.of("CallSid", "CA1", "From", TWILIO_NUMBER, "To", ALICE_PHONE,
                "Digits", "6"), TOKEN);

        assertThat(pressed.body()).contains("<Say>Resolved #" + id + ". Goodbye.</Say>");
        assertThat(details(id).incident().status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(details(id).timeline()).anyMatch(entry -> entry.channel() == Channel.VOICE);
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void statusCallbacksKeepTheLatestStatusPerMessage(TestDatabases.Kind kind) {
        start(kind);

        assertThat(twilio("/webhooks/twilio/status", Map.of("MessageSid", "SM9", "MessageStatus", "sent"), TOKEN).status())
                .isEqualTo(204);
        assertThat(twilio("/webhooks/twilio/status", Map.of("MessageSid", "SM9", "MessageStatus", "undelivered",
                "ErrorCode", "30003"), TOKEN).status()).isEqualTo(204);
        assertThat(twilio("/webhooks/twilio/status", Map.of("CallSid", "CA9", "CallStatus", "no-answer"), TOKEN).status())
                .isEqualTo(204);

        DeliveryStatuses statuses = new DeliveryStatuses(server.tocsin().database());
        assertThat(statuses.find("twilio", "SM9").orElseThrow())
                .extracting(DeliveryStatuses.Status::status, DeliveryStatuses.Status::errorCode)
                .containsExactly("undelivered", "30003");
        assertThat(statuses.find("twilio", "CA9").orElseThrow().status()).isEqualTo("no-answer");
    }
}
