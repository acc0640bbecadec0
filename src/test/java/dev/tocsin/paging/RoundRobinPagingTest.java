package dev.tocsin.paging;

import dev.tocsin.testing.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A round-robin level takes turns across incidents even when incidents reach it by escalating: the turn is the
 * policy's, kept in the database, not a copy each incident took when it was opened.
 */
class RoundRobinPagingTest {
    private static final String YAML = """
            users:
              - id: lead
                name: Lead
                contact_methods: [ { id: lead-sms, type: sms, to: "+41790000009" } ]
                notification_rules: { high: [ { after: 0m, via: lead-sms } ] }
              - id: ann
                name: Ann
                contact_methods: [ { id: ann-sms, type: sms, to: "+41790000011" } ]
                notification_rules: { high: [ { after: 0m, via: ann-sms } ] }
              - id: ben
                name: Ben
                contact_methods: [ { id: ben-sms, type: sms, to: "+41790000012" } ]
                notification_rules: { high: [ { after: 0m, via: ben-sms } ] }
            escalation_policies:
              - id: turns
                levels:
                  - { notify: [ "user:lead" ], escalate_after: 5m }
                  - { notify: [ "user:ann", "user:ben" ], assign: round_robin }
            services:
              - id: customer-api
                name: Customer API
                escalation_policy: turns
                integrations: [ { type: events-v2, key: 3f9c0d2a7b4e4c1f9a8d6e5b2c1a0f9e } ]
            providers:
              twilio: { account_sid: "${TWILIO_ACCOUNT_SID}", auth_token: "${TWILIO_AUTH_TOKEN}", from: "+15550100", api_url: "https://api.twilio.com" }
            """;

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void incidentsEscalatingToARoundRobinLevelTakeTurns(TestDatabases.Kind kind) {
        try (PagingFixture fixture = new PagingFixture(kind, YAML)) {
            long first = fixture.trigger("Checkout latency above 2 s");
            long second = fixture.trigger("Payments failing");
            long third = fixture.trigger("Search down");

            fixture.advance(Duration.ofMinutes(5));

            assertThat(fixture.details(first).incident().assignees()).containsExactly("ann");
            assertThat(fixture.details(second).incident().assignees()).containsExactly("ben");
            assertThat(fixture.details(third).incident().assignees()).containsExactly("ann");
        }
    }
}
