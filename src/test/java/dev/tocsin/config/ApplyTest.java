package dev.tocsin.config;

import dev.tocsin.incident.Severity;
import dev.tocsin.testing.TestDatabases;
import dev.tocsin.trace.Actor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

class ApplyTest {
    private static final Actor ADMIN = Actor.user("admin");

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void theIssuesExampleAppliesAsWritten(TestDatabases.Kind kind) {
        try (ConfigFixtures fixtures = new ConfigFixtures(kind)) {
            ApplyResult result = fixtures.config.apply(ConfigFixtures.example(), "example.yaml",
                    ConfigFixtures.EXAMPLE_ENV, false, true, ADMIN);

            assertThat(result.applied()).isTrue();
            assertThat(result.revision()).isEqualTo(1);
            assertThat(result.changes()).extracting(Change::describe).contains(
                    "+ user alice (created)", "+ team platform (created)", "+ schedule platform-primary (created)",
                    "+ escalation_policy platform (created)", "+ service customer-api (created)", "+ provider smtp (created)");
            Organisation organisation = fixtures.config.current();
            assertThat(organisation.hasUser("carol")).isTrue();
            assertThat(organisation.integrationByKey("gf-customer-api-5d6e7f80")).hasValueSatisfying(binding -> {
                assertThat(binding.serviceId()).isEqualTo("customer-api");
                assertThat(binding.type()).isEqualTo("grafana");
                assertThat(binding.defaultSeverity()).isEqualTo(Severity.ERROR);
                assertThat(binding.rateLimitPerSecond()).isEqualTo(100);
            });
            assertThat(organisation.serviceIdsOfTeam("platform")).containsExactly("customer-api");
            assertThat(organisation.twilio().orElseThrow().authToken().value()).isEqualTo("twilio-token-1");
            assertThat(fixtures.restarted().current().document()).isEqualTo(organisation.document());
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void applyingTheSameFileTwiceChangesNothing(TestDatabases.Kind kind) {
        try (ConfigFixtures fixtures = new ConfigFixtures(kind)) {
            fixtures.config.apply(ConfigFixtures.example(), "example.yaml", ConfigFixtures.EXAMPLE_ENV, false, true, ADMIN);

            ApplyResult again = fixtures.config.apply(ConfigFixtures.example(), "example.yaml",
                    ConfigFixtures.EXAMPLE_ENV, false, true, ADMIN);

            assertThat(again.changes()).isEmpty();
            assertThat(again.revision()).isEqualTo(1);
            assertThat(fixtures.count("config_revisions")).isEqualTo(1);
        }
    }
}
