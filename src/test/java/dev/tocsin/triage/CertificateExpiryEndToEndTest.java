package dev.tocsin.triage;

import dev.tocsin.delivery.Notification;
import dev.tocsin.paging.PagingFixture;
import dev.tocsin.testing.TestDatabases;
import dev.tocsin.testing.TestHttp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19's first promise, end to end with the rules exactly as docs/triage.md ships them: a certificate with 200 hours
 * left opens a low-urgency incident that pages nobody at night and is notified when the team's support hours start;
 * with 48 hours left it pages at once. A real server and database on a settable clock.
 */
class CertificateExpiryEndToEndTest {
    /** The docs' example, with alice reachable on the console and the certificates service supported Mon-Fri 08-18 Zurich. */
    private static String yaml() {
        String yaml = TriageExamples.yaml();
        String alice = "  - { id: alice, name: Alice Keller, email: alice@example.com }\n";
        String service = "  - id: certificates\n    name: Certificates\n";
        assertThat(yaml).contains(alice).contains(service);
        return yaml.replace(alice, """
                  - id: alice
                    name: Alice Keller
                    email: alice@example.com
                    timezone: Europe/Zurich
                    contact_methods: [ { id: alice-console, type: console } ]
                    notification_rules:
                      high: [ { after: 0m, via: alice-console } ]
                      low: [ { after: 0m, via: alice-console } ]
                """).replace(service, service + "    support_hours: { timezone: Europe/Zurich, hours: \"Mon-Fri 08:00-18:00\" }\n");
    }

    private static long certificate(PagingFixture fixture, String dedup, int hoursLeft) {
        TestHttp.Response sent = fixture.server.http().anonymous().postJson("/v2/enqueue",
                TriageExamples.eventsV2("ev-certificates-8c9d0e1f", dedup, "Certificate of " + dedup + " expires", "warning",
                        "cert-exporter", "{\"hours_left\":" + hoursLeft + "}"));
        assertThat(sent.status()).as(sent.body()).isEqualTo(202);
        fixture.settle();
        return fixture.server.http().get("/api/v1/incidents?limit=1").json().path("incidents").get(0).path("id").asLong();
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void farFromExpiryWaitsForSupportHoursAndCloseToExpiryPagesAtOnce(TestDatabases.Kind kind) {
        try (PagingFixture fixture = new PagingFixture(kind, yaml())) {
            fixture.clock.set(Instant.parse("2026-11-17T22:00:00Z"));   // Tuesday 23:00 in Zurich
            long far = certificate(fixture, "shop.example.com", 200);
            assertThat(fixture.details(far).incident().urgency().wireName()).isEqualTo("low");
            assertThat(fixture.notifications(far)).as("nobody is woken for 200 hours of validity").isEmpty();
            assertThat(fixture.timelineKinds(far)).contains("held_support_hours");

            long near = certificate(fixture, "api.example.com", 48);
            assertThat(fixture.details(near).incident().urgency().wireName()).isEqualTo("high");
            assertThat(fixture.notifications(near)).extracting(Notification::contactMethodId).containsExactly("alice-console");
            assertThat(fixture.notifications(near).get(0).createdAt()).isEqualTo(Instant.parse("2026-11-17T22:00:00Z"));

            fixture.advanceTo(Instant.parse("2026-11-18T06:59:59Z"));
            assertThat(fixture.notifications(far)).isEmpty();
            fixture.advanceTo(Instant.parse("2026-11-18T07:00:00Z"));   // Wednesday 08:00 in Zurich
            assertThat(fixture.notifications(far)).extracting(Notification::contactMethodId).containsExactly("alice-console");
            assertThat(fixture.notifications(far).get(0).createdAt()).isEqualTo(Instant.parse("2026-11-18T07:00:00Z"));
            assertThat(fixture.timelineKinds(far)).contains("released_support_hours");
        }
    }
}
