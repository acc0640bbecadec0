package dev.tocsin.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tocsin.incident.TimelineEntry;
import dev.tocsin.delivery.Notification;
import dev.tocsin.paging.PagingFixture;
import dev.tocsin.testing.TestDatabases;
import dev.tocsin.testing.TestHttp;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.statistics.Statistics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Simulate is the engine: for random policies (1–3 levels, delays, repeats, round robin or everyone, people and
 * schedules, a schedule with nobody on call), random people (1–3 rules with delays and repeats, some with no
 * contact method), round-robin turns moved by earlier incidents, and an acknowledgement at a random time or none,
 * the timeline {@code GET …/simulate} answers before the incident is what the engine then does on a settable clock
 * with providers that accept everything: the same notifications (time, person, contact method, level, round) and
 * the same escalation events, up to the acknowledgement or the policy's exhaustion.
 *
 * <p>Each try builds its organisation from one random seed (printed with a failure, with the configuration);
 * shrinking a seed means nothing, so it is off.
 */
class SimulateEqualsEngineTest {
    private static final String KEY = "3f9c0d2a7b4e4c1f9a8d6e5b2c1a0f9e";
    private static final List<String> PEOPLE = List.of("p1", "p2", "p3", "p4");
    /** The engine's timeline kinds that the escalation core and the interpreter write, which simulate shows too. */
    private static final Set<String> ESCALATION_KINDS = Set.of("paged", "escalated", "level_skipped", "policy_repeated",
            "policy_exhausted", "nobody_paged", "unreachable", "cannot_notify", "admins_alerted", "escalation_stopped");
    /** Kinds whose message names who acted (the simulation, or the engine's admin), compared by kind only. */
    private static final Set<String> KIND_ONLY = Set.of("escalation_stopped", "admins_alerted");
    private static final Pattern PAGED = Pattern.compile("^level (\\d+), round (\\d+) pages (.*)$");

    @Property(tries = 30, shrinking = ShrinkingMode.OFF)
    void theSimulatedTimelineIsWhatTheEngineDoes(@ForAll long seed) {
        Random random = new Random(seed);
        String yaml = organisation(random);
        try (PagingFixture fixture = new PagingFixture(TestDatabases.Kind.SQLITE, yaml)) {
            takeEarlierTurns(fixture, random);
            fixture.advance(Duration.ofMinutes(random.nextInt(60)));
            Instant start = fixture.now();
            // Half a minute off the minute: every delay is whole minutes, so the acknowledgement never falls on the instant
            // a timer is due. The server's own timer engine runs on the settable clock too, so at a tie it could fire
            // before the acknowledgement arrives, which simulate's rule (the acknowledgement wins a tie) does not model.
            Duration ackAfter = random.nextInt(4) == 0 ? null : Duration.ofMinutes(random.nextInt(90)).plusSeconds(30);

            JsonNode simulated = fixture.server.http().get("/api/v1/services/customer-api/simulate?at=" + start
                    + (ackAfter == null ? "" : "&ack_after=" + ackAfter.toSeconds() + "s")).json();
            List<JsonNode> steps = new ArrayList<>();
            simulated.path("steps").forEach(steps::add);
            Instant end = ackAfter == null ? Instant.parse(steps.get(steps.size() - 1).path("at").asText()) : start.plus(ackAfter);

            long id = fixture.trigger("Checkout down");
            if (ackAfter == null) {
                fixture.advanceTo(end);
            } else {
                fixture.advanceTo(end.minusMillis(1));
                fixture.clock.set(end);
                TestHttp.Response acknowledged = fixture.server.http().postJson("/api/v1/incidents/" + id + "/acknowledge", "");
                assertThat(acknowledged.status()).as(acknowledged.body()).isEqualTo(200);
                fixture.settle();
            }

            String events = steps.toString();
            Statistics.label("round robin past the first turn").collect(events.matches(".*round robin turn [2-9].*"));
            Statistics.label("cannot be notified").collect(events.contains("cannot_notify"));
            Statistics.label("level skipped").collect(events.contains("level_skipped"));
            Statistics.label("acknowledged").collect(ackAfter != null);
            String story = "seed " + seed + ", ack after " + ackAfter + ", from " + start + "\n" + yaml
                    + "\nsimulated: " + simulated.toPrettyString();
            assertThat(engineNotifications(fixture, id, start, end)).as(story)
                    .containsExactlyElementsOf(simulatedNotifications(steps));
            assertThat(engineEvents(fixture, id, start, end)).as(story).containsExactlyElementsOf(simulatedEvents(steps));
        }
    }

    /** Earlier incidents, each running a while before it is resolved, move the policy's round-robin turns. */
    private static void takeEarlierTurns(PagingFixture fixture, Random random) {
        int earlier = 1 + random.nextInt(4);
        for (int i = 0; i < earlier; i++) {
            long id = fixture.trigger("Earlier trouble " + i);
            fixture.advance(Duration.ofMinutes(List.of(0, 6, 11, 21).get(random.nextInt(4))));
            TestHttp.Response resolved = fixture.server.http().postJson("/api/v1/incidents/" + id + "/resolve", "");
            assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
            fixture.settle();
        }
    }

    private static List<String> simulatedNotifications(List<JsonNode> steps) {
        return steps.stream().filter(step -> step.path("kind").asText().equals("notify"))
                .map(step -> notification(step.path("offset_seconds").asLong(), step.path("user").asText(),
                        step.path("contact_method").path("id").asText(), step.path("level").asInt(), step.path("round").asInt()))
                .sorted().toList();
    }

    private static List<String> simulatedEvents(List<JsonNode> steps) {
        return steps.stream().filter(step -> step.path("kind").asText().equals("event"))
                .map(step -> event(step.path("offset_seconds").asLong(), step.path("event").asText(), step.path("message").asText()))
                .toList();
    }

    /** The engine's notifications before the end, each with the level and round of the paging that sent it. */
    private static List<String> engineNotifications(PagingFixture fixture, long id, Instant start, Instant end) {
        List<TimelineEntry> paged = fixture.details(id).timeline().stream().filter(entry -> entry.kind().equals("paged")).toList();
        List<Notification> all = fixture.server.tocsin().database().jdbi()
                .withHandle(handle -> fixture.server.tocsin().paging().notifications(handle, id));
        return all.stream().filter(notification -> notification.createdAt().isBefore(end))
                .map(notification -> {
                    int[] levelAndRound = pagedBy(paged, notification.userId(), notification.createdAt());
                    return notification(Duration.between(start, notification.createdAt()).toSeconds(), notification.userId(),
                            notification.contactMethodId(), levelAndRound[0], levelAndRound[1]);
                })
                .sorted().toList();
    }

    /** Level and round of the latest {@code paged} line at or before {@code at} that pages the person. */
    private static int[] pagedBy(List<TimelineEntry> paged, String user, Instant at) {
        int[] found = {0, 0};
        for (TimelineEntry entry : paged) {
            if (entry.at().isAfter(at)) break;
            Matcher matcher = PAGED.matcher(entry.message());
            if (!matcher.matches()) continue;
            String people = matcher.group(3);
            if (people.startsWith(user + " (") || people.contains(", " + user + " (")) {
                found = new int[] {Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))};
            }
        }
        return found;
    }

    private static List<String> engineEvents(PagingFixture fixture, long id, Instant start, Instant end) {
        return fixture.details(id).timeline().stream()
                .filter(entry -> ESCALATION_KINDS.contains(entry.kind()) && !entry.at().isAfter(end))
                .sorted(Comparator.comparing(TimelineEntry::at).thenComparingLong(TimelineEntry::id))
                .map(entry -> event(Duration.between(start, entry.at()).toSeconds(), entry.kind(), entry.message()))
                .toList();
    }

    private static String notification(long offsetSeconds, String user, String method, int level, int round) {
        return "%06d %s %s level %d round %d".formatted(offsetSeconds, user, method, level, round);
    }

    private static String event(long offsetSeconds, String kind, String message) {
        return "%06d %s %s".formatted(offsetSeconds, kind, KIND_ONLY.contains(kind) ? "" : message);
    }

    /** Four people, a rotating schedule, a schedule nobody is on any more, and a random policy over them. */
    private static String organisation(Random random) {
        StringBuilder yaml = new StringBuilder("users:\n");
        int phone = 10;
        for (String person : PEOPLE) {
            yaml.append("  - id: ").append(person).append("\n    name: Person ").append(person).append('\n');
            if (random.nextInt(5) == 0) continue;   // no contact method: cannot be notified
            List<String> methods = new ArrayList<>();
            yaml.append("    contact_methods:\n");
            for (int m = 0, count = 1 + random.nextInt(3); m < count; m++) {
                String method = person + "-" + m;
                methods.add(method);
                switch (random.nextInt(3)) {
                    case 0 -> yaml.append("      - { id: ").append(method).append(", type: sms, to: \"+417900000").append(phone++).append("\" }\n");
                    case 1 -> yaml.append("      - { id: ").append(method).append(", type: voice, to: \"+417900000").append(phone++).append("\" }\n");
                    default -> yaml.append("      - { id: ").append(method).append(", type: ntfy, topic: ").append(method).append("-topic }\n");
                }
            }
            yaml.append("    notification_rules:\n      high:\n");
            for (int r = 0, count = 1 + random.nextInt(3); r < count; r++) {
                yaml.append("        - { after: ").append(List.of(0, 1, 2, 5, 10).get(random.nextInt(5))).append("m, via: ")
                        .append(methods.get(random.nextInt(methods.size())));
                int repeat = List.of(0, 0, 5, 7).get(random.nextInt(4));
                if (repeat > 0) yaml.append(", repeat_every: ").append(repeat).append('m');
                yaml.append(" }\n");
            }
        }
        List<String> onRota = new ArrayList<>(PEOPLE);
        java.util.Collections.shuffle(onRota, random);
        yaml.append("""
                schedules:
                  - id: rota
                    name: Rota
                    timezone: Europe/Zurich
                    layers:
                      - name: turns
                        rotation: { every: %s, handoff: "00:00", starts: 2026-11-01 }
                        users: [%s]
                  - id: gone
                    name: Gone
                    timezone: Europe/Zurich
                    layers:
                      - name: old
                        rotation: { every: 1d, handoff: "00:00", starts: 2026-01-01, ends: 2026-02-01 }
                        users: [p1]
                escalation_policies:
                  - id: random
                    levels:
                """.formatted(List.of("20m", "1h").get(random.nextInt(2)),
                String.join(", ", onRota.subList(0, 1 + random.nextInt(3)))));
        List<String> targets = List.of("user:p1", "user:p2", "user:p3", "user:p4", "schedule:rota", "schedule:gone");
        for (int l = 0, levels = 1 + random.nextInt(3); l < levels; l++) {
            List<String> shuffled = new ArrayList<>(targets);
            java.util.Collections.shuffle(shuffled, random);
            // Now and then a level of nobody, which is skipped at once.
            List<String> chosen = random.nextInt(6) == 0 ? List.of("schedule:gone") : shuffled.subList(0, 1 + random.nextInt(3));
            yaml.append("      - { notify: [ ")
                    .append(String.join(", ", chosen.stream().map(t -> "\"" + t + "\"").toList()))
                    .append(" ], escalate_after: ").append(List.of(5, 10, 15).get(random.nextInt(3))).append('m')
                    .append(random.nextBoolean() ? ", assign: round_robin" : "").append(" }\n");
        }
        yaml.append("    repeat: ").append(random.nextInt(3)).append('\n');
        yaml.append("""
                services:
                  - id: customer-api
                    name: Customer API
                    escalation_policy: random
                    integrations: [ { type: events-v2, key: %s } ]
                providers:
                  twilio: { account_sid: "${TWILIO_ACCOUNT_SID}", auth_token: "${TWILIO_AUTH_TOKEN}", from: "+15550100", api_url: "https://api.twilio.com" }
                  smtp:   { host: smtp.example.com, port: 587, from: "Tocsin <oncall@example.com>", starttls: true }
                """.formatted(KEY));
        return yaml.toString();
    }
}
