package dev.tocsin.migrate.opsgenie;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * A wire-level fake of Opsgenie's REST API v2 with realistic shapes: a paged user list, one 429 with a tiny
 * Retry-After, and a schedule in Europe/Berlin whose final timeline is computed by an independent simple
 * model of Opsgenie's rotations (turns by ZonedDateTime arithmetic, enumerated one by one).
 */
final class OpsgenieFake {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final String ALICE = "u-alice", BOB = "u-bob", CAROL = "u-carol", TEAM = "t-platform", SCHEDULE = "s-primary";
    static final ZonedDateTime WEEKLY_START = ZonedDateTime.of(2027, 3, 1, 9, 0, 0, 0, BERLIN);
    static final ZonedDateTime EVENING_START = ZonedDateTime.of(2027, 3, 1, 18, 0, 0, 0, BERLIN);
    static final Instant OVERRIDE_START = Instant.parse("2027-03-30T10:00:00Z");
    static final Instant OVERRIDE_END = Instant.parse("2027-03-30T14:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WireMockExtension server;

    OpsgenieFake(WireMockExtension server) {
        this.server = server;
    }

    void serve() {
        page(0, "[" + user(ALICE, "alice@example.com", "Alice Keller", "Europe/Berlin") + "," + user(BOB, "bob@example.com", "Bob Stone", "Europe/Berlin")
                + "]", 3, true);
        page(100, "[" + user(CAROL, "carol@example.com", "Carol Diaz", null) + "]", 3, false);
        stub("/v2/users/" + ALICE, "{\"data\":{\"id\":\"u-alice\",\"username\":\"alice@example.com\",\"fullName\":\"Alice Keller\",\"timeZone\":\"Europe/Berlin\","
                + "\"userContacts\":[{\"contactMethod\":\"email\",\"to\":\"alice@example.com\",\"enabled\":true},"
                + "{\"contactMethod\":\"sms\",\"to\":\"49-1701234567\",\"enabled\":true},"
                + "{\"contactMethod\":\"mobile\",\"to\":\"Alice's iPhone\",\"enabled\":true}]}}");
        stub("/v2/users/" + BOB, "{\"data\":{\"id\":\"u-bob\",\"username\":\"bob@example.com\",\"fullName\":\"Bob Stone\",\"timeZone\":\"Europe/Berlin\","
                + "\"userContacts\":[{\"contactMethod\":\"voice\",\"to\":\"41-790000002\",\"enabled\":true}]}}");
        stub("/v2/users/" + CAROL, "{\"data\":{\"id\":\"u-carol\",\"username\":\"carol@example.com\",\"fullName\":\"Carol Diaz\",\"userContacts\":[]}}");
        stub("/v2/users/" + ALICE + "/notification-rules", "{\"data\":[{\"id\":\"r1\",\"name\":\"New alert\",\"actionType\":\"create-alert\",\"order\":1,\"enabled\":true},"
                + "{\"id\":\"r2\",\"name\":\"On-call starts\",\"actionType\":\"schedule-start\",\"order\":2,\"enabled\":true}]}");
        stub("/v2/users/" + ALICE + "/notification-rules/r1", "{\"data\":{\"id\":\"r1\",\"name\":\"New alert\",\"actionType\":\"create-alert\",\"enabled\":true,"
                + "\"criteria\":{\"type\":\"match-all\"},\"steps\":[{\"sendAfter\":{\"timeAmount\":0,\"timeUnit\":\"minutes\"},\"contact\":{\"method\":\"email\",\"to\":\"alice@example.com\"},\"enabled\":true},"
                + "{\"sendAfter\":{\"timeAmount\":5,\"timeUnit\":\"minutes\"},\"contact\":{\"method\":\"sms\",\"to\":\"49-1701234567\"},\"enabled\":true}],"
                + "\"repeat\":{\"loopAfter\":10,\"enabled\":true}}}");
        stub("/v2/users/" + ALICE + "/notification-rules/r2", "{\"data\":{\"id\":\"r2\",\"name\":\"On-call starts\",\"actionType\":\"schedule-start\",\"enabled\":true,\"steps\":[]}}");
        stub("/v2/users/" + BOB + "/notification-rules", "{\"data\":[]}");
        stub("/v2/users/" + CAROL + "/notification-rules", "{\"data\":[]}");
        stub("/v2/teams", "{\"data\":[{\"id\":\"t-platform\",\"name\":\"Platform\"}]}");
        stub("/v2/teams/" + TEAM, "{\"data\":{\"id\":\"t-platform\",\"name\":\"Platform\",\"members\":["
                + "{\"user\":{\"id\":\"u-alice\",\"username\":\"alice@example.com\"},\"role\":\"admin\"},"
                + "{\"user\":{\"id\":\"u-bob\",\"username\":\"bob@example.com\"},\"role\":\"user\"},"
                + "{\"user\":{\"id\":\"u-carol\",\"username\":\"carol@example.com\"},\"role\":\"user\"}]}}");
        stub("/v2/teams/" + TEAM + "/routing-rules", "{\"data\":[{\"id\":\"rr1\",\"name\":\"Database alerts\",\"isDefault\":false,\"order\":0,"
                + "\"criteria\":{\"type\":\"match-all-conditions\",\"conditions\":[{\"field\":\"tags\",\"operation\":\"contains\",\"expectedValue\":\"db\"}]},"
                + "\"notify\":{\"type\":\"schedule\",\"id\":\"s-primary\",\"name\":\"Platform primary\"}},"
                + "{\"id\":\"rr2\",\"name\":\"Default\",\"isDefault\":true,\"order\":1,\"notify\":{\"type\":\"escalation\",\"id\":\"e-platform\",\"name\":\"Platform escalation\"}}]}");
        // The schedules list answers 429 once (with a tiny Retry-After) before it answers.
        server.stubFor(get(urlPathEqualTo("/v2/schedules")).inScenario("rate").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0.01")
                        .withHeader("X-RateLimit-State", "THROTTLED").withBody("{\"message\":\"Too many requests\"}"))
                .willSetStateTo("served"));
        server.stubFor(get(urlPathEqualTo("/v2/schedules")).inScenario("rate").whenScenarioStateIs("served")
                .willReturn(okJson("{\"data\":[{\"id\":\"s-primary\",\"name\":\"Platform primary\",\"timezone\":\"Europe/Berlin\",\"enabled\":true,"
                        + "\"ownerTeam\":{\"id\":\"t-platform\",\"name\":\"Platform\"},\"rotations\":["
                        + "{\"id\":\"rot-weekly\",\"name\":\"Weekly\",\"type\":\"weekly\",\"length\":1,\"startDate\":\"2027-03-01T08:00:00Z\","
                        + "\"participants\":[{\"type\":\"user\",\"id\":\"u-alice\",\"username\":\"alice@example.com\"},{\"type\":\"user\",\"id\":\"u-bob\",\"username\":\"bob@example.com\"}]},"
                        + "{\"id\":\"rot-evening\",\"name\":\"Evening\",\"type\":\"daily\",\"length\":1,\"startDate\":\"2027-03-01T17:00:00Z\","
                        + "\"participants\":[{\"type\":\"user\",\"id\":\"u-carol\",\"username\":\"carol@example.com\"},{\"type\":\"user\",\"id\":\"u-bob\"}],"
                        + "\"timeRestriction\":{\"type\":\"time-of-day\",\"restriction\":{\"startHour\":18,\"startMin\":0,\"endHour\":22,\"endMin\":0}}}]},"
                        + "{\"id\":\"s-dbs\",\"name\":\"Databases\",\"timezone\":\"UTC\",\"enabled\":false,\"rotations\":["
                        + "{\"id\":\"rot-db\",\"name\":\"Standby\",\"type\":\"daily\",\"length\":1,\"startDate\":\"2027-03-01T00:00:00Z\","
                        + "\"participants\":[{\"type\":\"none\"},{\"type\":\"user\",\"id\":\"u-carol\"},{\"type\":\"team\",\"id\":\"t-platform\",\"name\":\"Platform\"}]}]}]}")));
        stub("/v2/schedules/" + SCHEDULE + "/overrides", "{\"data\":[{\"alias\":\"dentist\",\"user\":{\"type\":\"user\",\"id\":\"u-bob\",\"username\":\"bob@example.com\"},"
                + "\"startDate\":\"" + OVERRIDE_START + "\",\"endDate\":\"" + OVERRIDE_END + "\",\"rotations\":[]},"
                + "{\"alias\":\"last-year\",\"user\":{\"type\":\"user\",\"id\":\"u-carol\"},\"startDate\":\"2026-01-01T00:00:00Z\",\"endDate\":\"2026-01-02T00:00:00Z\",\"rotations\":[]}]}");
        stub("/v2/schedules/s-dbs/overrides", "{\"data\":[]}");
        stub("/v2/escalations", "{\"data\":[{\"id\":\"e-platform\",\"name\":\"Platform escalation\",\"ownerTeam\":{\"id\":\"t-platform\",\"name\":\"Platform\"},\"rules\":["
                + "{\"condition\":\"if-not-acked\",\"notifyType\":\"default\",\"delay\":{\"timeAmount\":0,\"timeUnit\":\"minutes\"},\"recipient\":{\"type\":\"schedule\",\"id\":\"s-primary\",\"name\":\"Platform primary\"}},"
                + "{\"condition\":\"if-not-acked\",\"notifyType\":\"default\",\"delay\":{\"timeAmount\":10,\"timeUnit\":\"minutes\"},\"recipient\":{\"type\":\"user\",\"id\":\"u-carol\",\"username\":\"carol@example.com\"}},"
                + "{\"condition\":\"if-not-closed\",\"notifyType\":\"next\",\"delay\":{\"timeAmount\":20,\"timeUnit\":\"minutes\"},\"recipient\":{\"type\":\"schedule\",\"id\":\"s-primary\",\"name\":\"Platform primary\"}},"
                + "{\"condition\":\"if-not-acked\",\"notifyType\":\"admins\",\"delay\":{\"timeAmount\":1,\"timeUnit\":\"hours\"},\"recipient\":{\"type\":\"team\",\"id\":\"t-platform\",\"name\":\"Platform\"}}],"
                + "\"repeat\":{\"waitInterval\":5,\"count\":2,\"resetRecipientStates\":true,\"closeAlertAfterAll\":false}}]}");
        stub("/v2/integrations", "{\"data\":[{\"id\":\"i-prom\",\"name\":\"Prometheus prod\",\"type\":\"Prometheus\",\"enabled\":true,\"teamId\":\"t-platform\"},"
                + "{\"id\":\"i-dd\",\"name\":\"Datadog\",\"type\":\"Datadog\",\"enabled\":false,\"teamId\":\"t-platform\"}]}");
        stub("/v2/integrations/i-prom", "{\"data\":{\"id\":\"i-prom\",\"name\":\"Prometheus prod\",\"type\":\"Prometheus\",\"enabled\":true,"
                + "\"ownerTeam\":{\"id\":\"t-platform\",\"name\":\"Platform\"},\"apiKey\":\"3f9c0d2a-7b4e-4c1f-9a8d-6e5b2c1a0f9e\"}}");
        stub("/v2/integrations/i-dd", "{\"data\":{\"id\":\"i-dd\",\"name\":\"Datadog\",\"type\":\"Datadog\",\"enabled\":false,\"ownerTeam\":{\"id\":\"t-platform\",\"name\":\"Platform\"}}}");
        stub("/v2/heartbeats", "{\"data\":{\"heartbeats\":[{\"name\":\"nightly-backup\",\"description\":\"Backup job\",\"interval\":1,\"intervalUnit\":\"days\","
                + "\"enabled\":true,\"ownerTeam\":{\"id\":\"t-platform\",\"name\":\"Platform\"}}]}}");
        stub("/v2/forwarding-rules", "{\"data\":[{\"id\":\"f1\",\"fromUser\":{\"id\":\"u-alice\",\"username\":\"alice@example.com\"},"
                + "\"toUser\":{\"id\":\"u-bob\",\"username\":\"bob@example.com\"},\"startDate\":\"2027-04-01T00:00:00Z\",\"endDate\":\"2027-04-03T00:00:00Z\"}]}");
        stub("/v1/maintenance", "{\"data\":[{\"id\":\"m1\",\"status\":\"planned\",\"description\":\"DB upgrade\",\"time\":{\"type\":\"schedule\"}}]}");
    }

    /** Serves the final timeline from the model, with {@code change} applied to the periods first. */
    void serveTimeline(Instant from, Instant to, java.util.function.UnaryOperator<List<Period>> change) {
        List<Period> periods = change.apply(model(from, to));
        ObjectNode data = JSON.createObjectNode();
        ArrayNode rotations = data.putObject("finalTimeline").putArray("rotations");
        for (String rotation : List.of("Weekly", "Evening")) {
            ObjectNode node = rotations.addObject();
            node.put("name", rotation);
            ArrayNode out = node.putArray("periods");
            for (Period period : periods) {
                if (!period.rotation().equals(rotation)) continue;
                ObjectNode item = out.addObject();
                item.put("startDate", period.start().toString());
                item.put("endDate", period.end().toString());
                item.put("type", "default");
                item.putObject("recipient").put("id", period.userId()).put("type", "user");
            }
        }
        server.stubFor(get(urlPathEqualTo("/v2/schedules/" + SCHEDULE + "/timeline"))
                .willReturn(okJson("{\"data\":" + data + "}")));
        // Databases: (nobody, carol, team Platform) by UTC days, as Opsgenie has it; Tocsin has no empty turn.
        ObjectNode databases = JSON.createObjectNode();
        ArrayNode periodsOut = databases.putObject("finalTimeline").putArray("rotations").addObject().put("name", "Standby").putArray("periods");
        for (int k = 0; k < 60; k++) {
            if (k % 3 == 0) continue;
            ObjectNode item = periodsOut.addObject();
            item.put("startDate", Instant.parse("2027-03-01T00:00:00Z").plus(Duration.ofDays(k)).toString());
            item.put("endDate", Instant.parse("2027-03-01T00:00:00Z").plus(Duration.ofDays(k + 1)).toString());
            item.putObject("recipient").put("id", k % 3 == 1 ? CAROL : TEAM).put("type", k % 3 == 1 ? "user" : "team");
        }
        server.stubFor(get(urlPathEqualTo("/v2/schedules/s-dbs/timeline")).willReturn(okJson("{\"data\":" + databases + "}")));
    }

    /** One period of Opsgenie's final timeline. */
    record Period(String rotation, Instant start, Instant end, String userId) {
    }

    /**
     * The independent model: the weekly rotation (alice, bob) from Monday 09:00 and the daily evening rotation
     * (carol, nobody) cut to 18:00–22:00, in Berlin local time; bob's override replaces both.
     */
    static List<Period> model(Instant from, Instant to) {
        List<Period> periods = new ArrayList<>();
        String[] weekly = {ALICE, BOB};
        for (int k = 0; ; k++) {
            Instant start = WEEKLY_START.plusWeeks(k).toInstant();
            Instant end = WEEKLY_START.plusWeeks(k + 1).toInstant();
            if (!start.isBefore(to)) break;
            if (end.isAfter(from)) periods.add(new Period("Weekly", start, end, weekly[k % 2]));
        }
        for (int k = 0; ; k++) {
            LocalDate day = EVENING_START.toLocalDate().plusDays(k);
            Instant start = ZonedDateTime.of(day, LocalTime.of(18, 0), BERLIN).toInstant();
            Instant end = ZonedDateTime.of(day, LocalTime.of(22, 0), BERLIN).toInstant();
            if (!start.isBefore(to)) break;
            if (end.isAfter(from)) periods.add(new Period("Evening", start, end, k % 2 == 0 ? CAROL : BOB));
        }
        List<Period> withOverride = new ArrayList<>();
        for (Period period : periods) {
            if (!period.end().isAfter(OVERRIDE_START) || !period.start().isBefore(OVERRIDE_END)) {
                withOverride.add(period);
                continue;
            }
            if (period.start().isBefore(OVERRIDE_START)) withOverride.add(new Period(period.rotation(), period.start(), OVERRIDE_START, period.userId()));
            if (!period.rotation().equals("Evening")) withOverride.add(new Period(period.rotation(), OVERRIDE_START, OVERRIDE_END, BOB));
            if (period.end().isAfter(OVERRIDE_END)) withOverride.add(new Period(period.rotation(), OVERRIDE_END, period.end(), period.userId()));
        }
        return withOverride;
    }

    static Duration length(Period period) {
        return Duration.between(period.start(), period.end());
    }

    private void page(int offset, String users, int total, boolean more) {
        server.stubFor(get(urlPathEqualTo("/v2/users")).withQueryParam("offset", equalTo(String.valueOf(offset)))
                .willReturn(okJson("{\"totalCount\":" + total + ",\"data\":" + users + ",\"paging\":{"
                        + (more ? "\"next\":\"https://api.opsgenie.com/v2/users?limit=100&offset=100\"," : "")
                        + "\"first\":\"https://api.opsgenie.com/v2/users?limit=100&offset=0\"},\"took\":0.05,\"requestId\":\"x\"}")));
    }

    private void stub(String path, String body) {
        server.stubFor(get(urlPathEqualTo(path)).willReturn(okJson(body)));
    }

    private static String user(String id, String username, String name, String zone) {
        return "{\"id\":\"" + id + "\",\"username\":\"" + username + "\",\"fullName\":\"" + name + "\","
                + (zone == null ? "" : "\"timeZone\":\"" + zone + "\",") + "\"role\":{\"id\":\"User\",\"name\":\"User\"}}";
    }
}
