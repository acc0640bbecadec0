package dev.tocsin.paging;

import dev.tocsin.delivery.Notification;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.tocsin.incident.Incidents;
import dev.tocsin.incident.TimelineEntry;
import dev.tocsin.provider.twilio.TwilioSignature;
import dev.tocsin.testing.SettableClock;
import dev.tocsin.testing.TestDatabases;
import dev.tocsin.testing.TestHttp;
import dev.tocsin.testing.TestServer;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Tocsin server on a settable clock with the example configuration, whose providers point at local fakes:
 * one WireMock server speaking Twilio's REST API and ntfy, and (when a test starts one) GreenMail for SMTP.
 * {@link #advanceTo} moves time forward timer by timer, firing each at its due time, as the engine would.
 */
/** A server on the example organisation with Twilio, ntfy and SMTP pointed at local fakes, on a settable clock. */
public final class PagingFixture implements AutoCloseable {
    static final String KEY = "3f9c0d2a7b4e4c1f9a8d6e5b2c1a0f9e";
    static final String SID = "test-twilio_account_sid";
    static final String AUTH_TOKEN = "test-twilio_auth_token";
    static final String MESSAGES = "/2010-04-01/Accounts/" + SID + "/Messages.json";
    static final String CALLS = "/2010-04-01/Accounts/" + SID + "/Calls.json";
    public static final String ALICE = "+41790000001";
    public static final String BOB = "+41790000002";
    /** Tuesday 17 Nov 2026 11:00 in Zurich: alice is primary on call, bob backup. */
    public static final Instant START = Instant.parse("2026-11-17T10:00:00Z");

    final WireMockServer fakes = new WireMockServer(options().dynamicPort());
    public final SettableClock clock = new SettableClock(START);
    public final TestServer server;
    private int sids;

    public PagingFixture(TestDatabases.Kind kind, String yaml) {
        fakes.start();
        fakes.stubFor(post(urlPathMatching(".*/Messages.json")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"sid\":\"SM0001\",\"status\":\"queued\"}")));
        fakes.stubFor(post(urlPathMatching(".*/Calls.json")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"sid\":\"CA0001\",\"status\":\"queued\"}")));
        fakes.stubFor(post(urlPathMatching("/")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"ntfy1\"}")));
        server = TestServer.start(kind, withFakes(yaml), clock);
    }

    public static PagingFixture example(TestDatabases.Kind kind) {
        return new PagingFixture(kind, TestServer.resource("config/example.yaml"));
    }

    /** The configuration with Twilio, ntfy and SMTP pointed at the local fakes. */
    private String withFakes(String yaml) {
        String twilio = "twilio: { account_sid: \"${TWILIO_ACCOUNT_SID}\", auth_token: \"${TWILIO_AUTH_TOKEN}\", from: \"+15550100\", api_url: \""
                + fakes.baseUrl() + "\" }";
        String smtp = "smtp:   { host: 127.0.0.1, port: 3025, from: \"Tocsin <oncall@example.com>\", starttls: false }\n  ntfy: { url: \""
                + fakes.baseUrl() + "\" }";
        return yaml.replace("FAKES_URL", fakes.baseUrl()).replaceAll("twilio: \\{[^\\n]*}", java.util.regex.Matcher.quoteReplacement(twilio))
                .replaceAll("smtp: +\\{[^\\n]*}", java.util.regex.Matcher.quoteReplacement(smtp));
    }

    public Instant now() {
        return clock.instant();
    }

    /** Sends a critical PagerDuty v2 trigger for customer-api; returns the incident's id. */
    public long trigger(String summary) {
        TestHttp.Response response = server.http().anonymous().postJson("/v2/enqueue", """
                {"routing_key":"%s","event_action":"trigger","dedup_key":"%s",
                 "payload":{"summary":"%s","source":"db-1","severity":"critical"}}""".formatted(KEY, UUID.randomUUID(), summary));
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        settle();
        return server.http().get("/api/v1/incidents?limit=1").json().path("incidents").get(0).path("id").asLong();
    }

    /** Fires everything due now, including what firing makes due now (a notification's delivery). */
    public void settle() {
        for (int round = 0; round < 50; round++) {
            if (server.tocsin().timers().runDue(clock.instant()) == 0 && nextDue().map(due -> due.isAfter(clock.instant())).orElse(true)) {
                return;
            }
        }
        throw new AssertionError("timers keep coming due at " + clock.instant());
    }

    /** Moves the clock to {@code target}, stopping at each timer's due time on the way to fire it then. */
    public void advanceTo(Instant target) {
        settle();
        while (true) {
            var next = nextDue();
            if (next.isEmpty() || next.get().isAfter(target)) break;
            if (next.get().isAfter(clock.instant())) clock.set(next.get());
            settle();
        }
        clock.set(target);
        settle();
    }

    public void advance(Duration duration) {
        advanceTo(clock.instant().plus(duration));
    }

    /**
     * The next paging (or notice) timer. The recurring jobs' timers (handoff notices, request expiry) are left out:
     * stopping at each of their minutes made a jump of hours take hundreds of stops; they run at the stops there are.
     */
    private java.util.Optional<Instant> nextDue() {
        return server.tocsin().database().jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT MIN(due_at) FROM timers WHERE done_at IS NULL AND dedup_key NOT LIKE '%"
                                + dev.tocsin.engine.Recurring.KEY_SUFFIX + "'").mapTo(Long.class).findOne())
                .map(Instant::ofEpochMilli);
    }

    /** Requests the fakes received to this path (Twilio Messages/Calls, or an ntfy topic), in order. */
    List<LoggedRequest> requests(String path) {
        return fakes.findAll(anyRequestedFor(anyUrl())).stream().filter(request -> request.getUrl().startsWith(path)).toList();
    }

    /** ntfy publications (JSON posted to the server's root) to this topic, as JSON. */
    public List<com.fasterxml.jackson.databind.JsonNode> pushes(String topic) {
        return requests("/").stream().filter(request -> request.getUrl().equals("/"))
                .map(request -> {
                    try {
                        return dev.tocsin.json.Json.mapper().readTree(request.getBodyAsString());
                    } catch (java.io.IOException e) {
                        throw new AssertionError(e);
                    }
                })
                .filter(json -> json.path("topic").asText().equals(topic)).toList();
    }

    /** The recipients ("To") of Twilio requests to this path, in order. */
    List<String> recipients(String path) {
        return requests(path).stream().map(request -> form(request.getBodyAsString()).get("To")).toList();
    }

    static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            form.put(java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form;
    }

    /** An SMS reply from {@code phone}, signed as Twilio signs it for the server's public URL. */
    public TestHttp.Response smsReply(String phone, String body) {
        Map<String, String> form = Map.of("From", phone, "To", "+15550100", "Body", body, "MessageSid", "SMreply" + (++sids));
        return twilio("/webhooks/twilio/sms", form);
    }

    public TestHttp.Response twilio(String path, Map<String, String> form) {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        form.forEach((key, value) -> lists.put(key, List.of(value)));
        String signature = TwilioSignature.compute(AUTH_TOKEN, server.tocsin().publicUrl() + path, lists);
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        TestHttp.Response response = server.http().anonymous().send(server.http().anonymous().builder(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", signature)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
        settle();
        return response;
    }

    public Incidents.Details details(long id) {
        return server.tocsin().incidents().find(id).orElseThrow();
    }

    public List<String> timelineKinds(long id) {
        return details(id).timeline().stream().map(TimelineEntry::kind).toList();
    }

    public List<Notification> notifications(long id) {
        return server.tocsin().database().jdbi().withHandle(handle -> server.tocsin().paging().notifications(handle, id));
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            fakes.stop();
        }
    }
}
