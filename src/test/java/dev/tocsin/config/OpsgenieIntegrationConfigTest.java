package dev.tocsin.config;

import dev.tocsin.testing.TestDatabases;
import dev.tocsin.trace.Actor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The {@code opsgenie} integration type and its {@code high_priorities}: checked, defaulted and exported. */
class OpsgenieIntegrationConfigTest {
    private static final String ORGANISATION = """
            users:
              - { id: alice, name: Alice, email: alice@example.com, timezone: UTC }
            escalation_policies:
              - { id: primary, levels: [ { notify: [ "user:alice" ] } ] }
            services:
              - id: billing
                name: Billing
                escalation_policy: primary
                integrations:
            """;

    private final ConfigFixtures fixtures = new ConfigFixtures(TestDatabases.Kind.SQLITE);

    @AfterEach
    void stop() {
        fixtures.close();
    }

    private void apply(String integrations) {
        fixtures.config.apply(ORGANISATION + integrations, "org.yaml", Map.of(), false, true, Actor.system());
    }

    @Test
    void highPrioritiesDefaultToP1AndP2AndAreExported() {
        apply("""
                      - { type: opsgenie, key: og-billing-default }
                      - { type: opsgenie, key: og-billing-p3, high_priorities: [p3, P1, P2] }
                """);

        assertThat(fixtures.config.current().integrationByKey("og-billing-default").orElseThrow().highPriorities())
                .containsExactly("P1", "P2");
        assertThat(fixtures.config.current().integrationByKey("og-billing-p3").orElseThrow().highPriorities())
                .containsExactly("P1", "P2", "P3");
        assertThat(fixtures.config.exportYaml()).contains("high_priorities");
    }

    @Test
    void anUnknownPriorityOrHighPrioritiesOnAnotherTypeIsAProblem() {
        ConfigException failure = catchThrowableOfType(ConfigException.class, () -> apply("""
                      - { type: opsgenie, key: og-billing-broken, high_priorities: [P1, P6] }
                      - { type: generic, key: gen-billing-1234, high_priorities: [P1] }
                """));

        assertThat(String.join("\\n", failure.problems()))
                .contains("unknown priority 'P6'; expected one of: P1, P2, P3, P4, P5")
                .contains("only opsgenie integrations take high_priorities");
    }
}
