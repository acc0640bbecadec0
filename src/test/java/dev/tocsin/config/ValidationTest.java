package dev.tocsin.config;

import dev.tocsin.testing.TestDatabases;
import dev.tocsin.trace.Actor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every problem at once, with its line; and a file with problems changes nothing, on either database. */
class ValidationTest {
    private ConfigFixtures fixtures;

    private void open(TestDatabases.Kind kind) {
        fixtures = new ConfigFixtures(kind);
    }

    @AfterEach
    void stop() {
        if (fixtures != null) fixtures.close();
    }

    private ConfigException problemsOf(String yaml, Map<String, String> env) {
        return catchThrowableOfType(ConfigException.class,
                () -> fixtures.config.apply(yaml, "broken.yaml", env, false, true, Actor.system()));
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void aBrokenCopyOfTheExampleReportsEveryProblemWithItsLine(TestDatabases.Kind kind) {
        open(kind);
        ConfigException failure = problemsOf(ConfigFixtures.resource("config/broken.yaml"), Map.of(
                "TWILIO_ACCOUNT_SID", "AC1", "TWILIO_AUTH_TOKEN", "token", "SMTP_PASSWORD", "unused"));

        assertThat(failure.problems()).containsExactly(
                "broken.yaml:15: users[0].notification_rules.high[1].after: malformed duration '2x'; write it like 30s, 15m, 2h, 1d or 1w",
                "broken.yaml:25: users[1].contact_methods[1]: duplicate contact method id 'bob-sms'",
                "broken.yaml:28: users[2].id: duplicate user id 'alice' (first at users[0])",
                "broken.yaml:31: users[2].timezone: unknown time zone 'Australia/Sydny' (did you mean 'Australia/Sydney'?); use an IANA name like Europe/Zurich",
                "broken.yaml:39: teams[0].timezon: unknown key 'timezon' (did you mean 'timezone'?)",
                "broken.yaml:44: teams[0].members[2].user: unknown user 'carol'",
                "broken.yaml:51: schedules[0].layers[0].rotation.handoff: time '25:00' in 'Mon 25:00' does not exist; use 00:00 to 23:59",
                "broken.yaml:59: schedules[1].layers[0].users[1]: unknown user 'zed'",
                "broken.yaml:65: escalation_policies[0].levels[2]: escalation level without targets: add notify: [\"schedule:ID\" | \"user:ID\" | \"team:ID\"]",
                "broken.yaml:75: services[0].integrations[2].default_severity: unknown severity 'fatal'; expected one of: critical, error, warning, info",
                "broken.yaml:76: services[0].integrations[3].key: integration key 'am-customer-api-0b1c2d3e' is already used at services[0].integrations[1].key",
                "broken.yaml:79: providers.smtp.password: environment variable 'SMTP_PASSWD' is not set");
        assertThat(failure.summary()).isEqualTo("12 problems in broken.yaml");
        assertThat(fixtures.count("config_objects")).isZero();
        assertThat(fixtures.count("config_revisions")).isZero();
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void aMissingVariableIsNamedWithItsLine(TestDatabases.Kind kind) {
        open(kind);
        Map<String, String> env = new HashMap<>(ConfigFixtures.EXAMPLE_ENV);
        env.remove("TWILIO_AUTH_TOKEN");

        ConfigException failure = problemsOf(ConfigFixtures.example(), env);

        assertThat(failure.problems()).containsExactly(
                "broken.yaml:76: providers.twilio.auth_token: environment variable 'TWILIO_AUTH_TOKEN' is not set");
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void variablesAreSubstitutedInAnyValue(TestDatabases.Kind kind) {
        open(kind);
        String yaml = """
                users:
                  - { id: dora, name: "${DORA_NAME}", timezone: "${ZONE}" }
                """;

        fixtures.config.apply(yaml, "org.yaml", Map.of("DORA_NAME", "Dora Explorer", "ZONE", "Asia/Kolkata"), false, true, Actor.system());

        assertThat(fixtures.config.current().user("dora")).hasValueSatisfying(user -> {
            assertThat(user.name()).isEqualTo("Dora Explorer");
            assertThat(user.timezone().getId()).isEqualTo("Asia/Kolkata");
        });
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void anEmptyFileIsRefusedRatherThanPruningEverything(TestDatabases.Kind kind) {
        open(kind);
        fixtures.config.apply(ConfigFixtures.example(), "example.yaml", ConfigFixtures.EXAMPLE_ENV, false, true, Actor.system());

        assertThat(problemsOf("# nothing here\n", Map.of()).problems())
                .containsExactly("broken.yaml: the file is empty; to remove every object, apply a file with 'users: []'");
        assertThat(fixtures.config.current().hasUser("alice")).isTrue();
        assertThat(fixtures.config.apply("users: []", "none.yaml", Map.of(), false, true, Actor.system()).changes())
                .hasSize(10).allMatch(change -> change.change().equals(Change.REMOVED));
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void aSyntaxErrorIsReportedWithItsLine(TestDatabases.Kind kind) {
        open(kind);
        ConfigException failure = problemsOf("users:\n  - id: a\n    name: [unclosed\n", Map.of());

        assertThat(failure.problems()).hasSize(1);
        assertThat(failure.problems().get(0)).startsWith("broken.yaml:4: YAML syntax error:");
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void wrongTypesAndMissingFieldsAreReported(TestDatabases.Kind kind) {
        open(kind);
        String yaml = """
                users:
                  - id: erin
                    contact_methods:
                      - { id: erin-sms, type: sms, to: "0790000001" }
                      - { id: erin-x, type: pager }
                    notification_rules:
                      high: [ { after: 1m, via: erin-mail } ]
                teams: { id: oops }
                schedules:
                  - id: s
                    name: S
                    timezone: Europe/Zurich
                    layers:
                      - name: l
                        rotation: { every: 1d, handoff: "Mon 09:00", starts: 2026-13-01 }
                        users: [erin, [erin, ghost]]
                        only: [ "Mon-Fri 08:00-20:00", "Fri 18:00 - Mon 08:00", "Funday 08:00-09:00" ]
                escalation_policies:
                  - id: p
                    levels: [ { notify: [ "pager:erin", "team:nobody" ], assign: random } ]
                    repeat: -1
                services:
                  - { id: api, name: API, escalation_policy: q, integrations: [ { type: events-v3, key: short } ] }
                """;

        ConfigException failure = problemsOf(yaml, Map.of());

        assertThat(failure.problems()).containsExactly(
                "broken.yaml:2: users[0]: missing required field 'name'",
                "broken.yaml:4: users[0].contact_methods[0].to: '0790000001' is not an E.164 phone number like +41790000001",
                "broken.yaml:5: users[0].contact_methods[1].type: unknown contact method type 'pager'; expected one of: sms, voice, email, ntfy, slack, teams, mattermost, webhook, console",
                "broken.yaml:7: users[0].notification_rules.high[0].via: unknown contact method 'erin-mail'; this user has: erin-sms",
                "broken.yaml:8: teams: expected a list, got a mapping",
                "broken.yaml:15: schedules[0].layers[0].rotation.handoff: a weekly handoff ('Mon 09:00') needs 'every' in whole weeks, not 1d",
                "broken.yaml:15: schedules[0].layers[0].rotation.starts: '2026-13-01' is not a date; write it as YYYY-MM-DD",
                "broken.yaml:16: schedules[0].layers[0].users[1][1]: unknown user 'ghost'",
                "broken.yaml:17: schedules[0].layers[0].only[2]: unknown day 'Funday' in 'Funday 08:00-09:00'; use Mon, Tue, Wed, Thu, Fri, Sat or Sun",
                "broken.yaml:20: escalation_policies[0].levels[0].notify[0]: 'pager:erin' is not a target; write schedule:ID, user:ID or team:ID",
                "broken.yaml:20: escalation_policies[0].levels[0].assign: unknown assign 'random'; expected everyone or round_robin",
                "broken.yaml:20: escalation_policies[0].levels[0].notify[1]: unknown team 'nobody'",
                "broken.yaml:21: escalation_policies[0].repeat: -1 is out of range; allowed 0 to 20",
                "broken.yaml:23: services[0].integrations[0].type: unknown integration type 'events-v3' (did you mean 'events-v2'?); expected one of: events-v2, events-v1, alertmanager, grafana, generic, opsgenie",
                "broken.yaml:23: services[0].integrations[0].key: integration key must be 8 to 128 characters of letters, digits, '.', '_', '~' or '-'",
                "broken.yaml:23: services[0].escalation_policy: unknown escalation policy 'q'");
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void anInvalidFileChangesNothing(TestDatabases.Kind kind) {
        open(kind);
        fixtures.config.apply(ConfigFixtures.example(), "example.yaml", ConfigFixtures.EXAMPLE_ENV, false, true, Actor.system());
        String before = fixtures.config.exportYaml();

        assertThatThrownBy(() -> fixtures.config.apply(ConfigFixtures.example().replace("Europe/Zurich", "Europe/Zurch"),
                "example.yaml", ConfigFixtures.EXAMPLE_ENV, false, true, Actor.system()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown time zone 'Europe/Zurch'");

        assertThat(fixtures.config.exportYaml()).isEqualTo(before);
        assertThat(fixtures.restarted().exportYaml()).isEqualTo(before);
        assertThat(fixtures.count("config_revisions")).isEqualTo(1);
    }
}
