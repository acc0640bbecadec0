package dev.tocsin.config;

import dev.tocsin.urgency.Severity;
import dev.tocsin.testing.TestDatabases;
import dev.tocsin.trace.Actor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.Map;

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

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void aChangedFileReportsChangedFieldsAndPrunesWhatIsGone(TestDatabases.Kind kind) {
        try (ConfigFixtures fixtures = new ConfigFixtures(kind)) {
            fixtures.config.apply(ConfigFixtures.example(), "example.yaml", ConfigFixtures.EXAMPLE_ENV, false, true, ADMIN);
            String changed = ConfigFixtures.example()
                    .replace("users: [alice, bob]", "users: [bob, alice]")
                    .replace("name: Bob Meier", "name: Bob Meier-Keller")
                    .replaceAll("(?s)providers:.*", "");

            ApplyResult result = fixtures.config.apply(changed, "example.yaml", Map.of(), false, true, ADMIN);

            assertThat(result.changes()).extracting(Change::describe).containsExactly(
                    "~ user bob (changed: name)",
                    "~ schedule platform-primary (changed: layers[0].users)",
                    "- provider twilio (removed)",
                    "- provider smtp (removed)");
            assertThat(result.revision()).isEqualTo(2);
            assertThat(fixtures.config.current().twilio()).isEmpty();
            assertThat(fixtures.restarted().current().smtp()).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void withoutPruneObjectsMissingFromTheFileAreKept(TestDatabases.Kind kind) {
        try (ConfigFixtures fixtures = new ConfigFixtures(kind)) {
            fixtures.config.apply(ConfigFixtures.example(), "example.yaml", ConfigFixtures.EXAMPLE_ENV, false, true, ADMIN);
            String onlyDora = "users:\n  - { id: dora, name: Dora }\n";

            ApplyResult result = fixtures.config.apply(onlyDora, "dora.yaml", Map.of(), false, false, ADMIN);

            assertThat(result.changes()).extracting(Change::describe)
                    .contains("+ user dora (created)", "= user alice (kept (not in file))", "= service customer-api (kept (not in file))")
                    .noneMatch(line -> line.startsWith("-"));
            assertThat(fixtures.config.current().hasUser("alice")).isTrue();
            assertThat(fixtures.restarted().current().hasUser("dora")).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void aDryRunValidatesAndDiffsButWritesNothing(TestDatabases.Kind kind) {
        try (ConfigFixtures fixtures = new ConfigFixtures(kind)) {
            ApplyResult result = fixtures.config.apply(ConfigFixtures.example(), "example.yaml",
                    ConfigFixtures.EXAMPLE_ENV, true, true, ADMIN);

            assertThat(result.applied()).isFalse();
            assertThat(result.dryRun()).isTrue();
            assertThat(result.changes()).hasSize(10).allMatch(change -> change.change().equals(Change.CREATED));
            assertThat(fixtures.count("config_objects")).isZero();
            assertThat(fixtures.count("config_revisions")).isZero();
            assertThat(fixtures.config.current().hasUser("alice")).isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void exportReappliesWithNoDifferenceAndNeverShowsASecret(TestDatabases.Kind kind) {
        try (ConfigFixtures fixtures = new ConfigFixtures(kind)) {
            String withLiteralSecrets = ConfigFixtures.example()
                    .replace("key: gf-customer-api-5d6e7f80 }", "key: gf-customer-api-5d6e7f80, secret: hmac-literal-1 }")
                    .replace("name: Carol Tan", "name: \"Carol $${NOT_A_VARIABLE} Tan\"");
            fixtures.config.apply(withLiteralSecrets, "example.yaml", ConfigFixtures.EXAMPLE_ENV, false, true, ADMIN);

            String exported = fixtures.config.exportYaml();

            assertThat(exported).contains("${TWILIO_AUTH_TOKEN}", "${SMTP_PASSWORD}", "${TOCSIN_CUSTOMER_API_GRAFANA_SECRET}",
                    "3f9c0d2a7b4e4c1f9a8d6e5b2c1a0f9e", "Carol $${NOT_A_VARIABLE} Tan");
            assertThat(exported).doesNotContain("twilio-token-1", "smtp-secret-1", "hmac-literal-1", "AC0123456789");
            Map<String, String> env = new HashMap<>(ConfigFixtures.EXAMPLE_ENV);
            env.put("TOCSIN_CUSTOMER_API_GRAFANA_SECRET", "hmac-literal-1");
            ApplyResult again = fixtures.config.apply(exported, "exported.yaml", env, false, true, ADMIN);
            assertThat(again.changes()).isEmpty();
            assertThat(fixtures.config.current().user("carol").orElseThrow().name()).isEqualTo("Carol ${NOT_A_VARIABLE} Tan");
            assertThat(fixtures.config.current().integrationByKey("gf-customer-api-5d6e7f80").orElseThrow().secret())
                    .isEqualTo("hmac-literal-1");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void aChangedSecretIsReportedWithoutItsValue(TestDatabases.Kind kind) {
        try (ConfigFixtures fixtures = new ConfigFixtures(kind)) {
            fixtures.config.apply(ConfigFixtures.example(), "example.yaml", ConfigFixtures.EXAMPLE_ENV, false, true, ADMIN);
            Map<String, String> env = new HashMap<>(ConfigFixtures.EXAMPLE_ENV);
            env.put("SMTP_PASSWORD", "rotated-secret-2");

            ApplyResult result = fixtures.config.apply(ConfigFixtures.example(), "example.yaml", env, false, true, ADMIN);

            assertThat(result.changes()).extracting(Change::describe).containsExactly("~ provider smtp (changed: password (secret))");
            assertThat(fixtures.restarted().current().smtp().orElseThrow().password().value()).isEqualTo("rotated-secret-2");
            String revisions = fixtures.database.jdbi().withHandle(handle -> handle.createQuery(
                    "SELECT changes || summary FROM config_revisions ORDER BY id DESC").mapTo(String.class).list().toString());
            assertThat(revisions).doesNotContain("rotated-secret-2", "smtp-secret-1").contains("password (secret)");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void everyKeyTodayIncludingTheFullLayerShapeRoundTrips(TestDatabases.Kind kind) {
        try (ConfigFixtures fixtures = new ConfigFixtures(kind)) {
            Map<String, String> env = Map.of("ZOE_HOOK_SECRET", "whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
                    "TWILIO_AUTH_TOKEN", "token-1", "NTFY_TOKEN", "tk_ntfy-1", "SLACK_BOT_TOKEN", "xoxb-slack-1");
            fixtures.config.apply(ConfigFixtures.resource("config/everything.yaml"), "everything.yaml", env, false, true, ADMIN);
            Document applied = fixtures.config.current().document();
            var layers = fixtures.config.current().schedule("follow-the-sun").orElseThrow().layers();
            assertThat(layers.get(0).users()).extracting(participant -> participant.users().size()).containsExactly(1, 2, 1);
            assertThat(layers.get(1).only()).hasSize(3);
            assertThat(layers.get(1).priority()).isZero();

            String exported = fixtures.config.exportYaml();
            assertThat(exported).contains("${ZOE_HOOK_SECRET}", "${TOCSIN_TWILIO_ACCOUNT_SID}", "${TOCSIN_PAYMENTS_GRAFANA_SECRET}",
                            "${NTFY_TOKEN}", "${SLACK_BOT_TOKEN}", "${TOCSIN_SLACK_SIGNING_SECRET}",
                            "${TOCSIN_ZOE_ZOE_TEAMS_URL}", "${TOCSIN_ZOE_ZOE_MM_URL}")
                    .doesNotContain("AAECAwQF", "token-1", "AC-literal", "literal-hmac-secret", "tk_ntfy-1", "xoxb-slack-1",
                            "literal-signing-secret", "chat.example.com/hooks", "logic.azure.com");
            assertThat(fixtures.config.current().ntfy().orElseThrow().url()).isEqualTo("https://ntfy.example.com");
            assertThat(fixtures.config.current().slack().orElseThrow().opsChannel()).isEqualTo("C0OPS");
            Map<String, String> exportEnv = new HashMap<>(env);
            exportEnv.put("TOCSIN_TWILIO_ACCOUNT_SID", "AC-literal");
            exportEnv.put("TOCSIN_PAYMENTS_GRAFANA_SECRET", "literal-hmac-secret");
            exportEnv.put("TOCSIN_SLACK_SIGNING_SECRET", "literal-signing-secret");
            // Chat webhook URLs are credentials: exported as placeholders like the other literal secrets.
            exportEnv.put("TOCSIN_ZOE_ZOE_TEAMS_URL", "https://prod-01.westeurope.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?api-version=2016-06-01&sig=xyz");
            exportEnv.put("TOCSIN_ZOE_ZOE_MM_URL", "https://chat.example.com/hooks/xyz");
            ApplyResult again = fixtures.config.apply(exported, "exported.yaml", exportEnv, false, true, ADMIN);

            assertThat(again.changes()).isEmpty();
            assertThat(fixtures.restarted().current().document()).isEqualTo(applied);
            assertThat(fixtures.restarted().exportYaml()).isEqualTo(exported);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void theDemoOrganisationAppliesWithoutAnyEnvironment(TestDatabases.Kind kind) {
        try (ConfigFixtures fixtures = new ConfigFixtures(kind)) {
            ApplyResult result = fixtures.config.applyDemo(Actor.system());

            assertThat(result.changes()).hasSize(8);
            Organisation organisation = fixtures.config.current();
            for (String key : new String[] {"3f9c0d2a7b4e4c1f9a8d6e5b2c1a0f9e", "am-customer-api-0b1c2d3e",
                    "gf-customer-api-5d6e7f80", "gen-customer-api-1a2b3c4d"}) {
                assertThat(organisation.integrationByKey(key)).isPresent();
            }
            for (String user : new String[] {"alice", "bob", "carol"}) {
                assertThat(organisation.user(user).orElseThrow().contactMethods())
                        .anySatisfy(method -> assertThat(method.type()).isEqualTo("console"));
            }
        }
    }
}
