package dev.tocsin.config;

import dev.tocsin.schedule.Handoff;
import dev.tocsin.testing.TestDatabases;
import dev.tocsin.trace.Actor;
import dev.tocsin.user.NoticePreferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A user's {@code notices:} settings: defaults, values, export round trip, and problems with their lines. */
class NoticeSettingsTest {
    private ConfigFixtures fixtures;

    @AfterEach
    void stop() {
        if (fixtures != null) fixtures.close();
    }

    private static final String USERS = """
            users:
              - id: alice
                name: Alice
                contact_methods:
                  - { id: alice-mail, type: email, to: alice@example.com }
                  - { id: alice-console, type: console }
                notices: { before_shift: 12h, digest: "Fri 16:00", via: alice-console }
              - id: bob
                name: Bob
                notices: { before_shift: "off", digest: "off" }
              - id: carol
                name: Carol
            """;

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void settingsAreReadWithDefaultsAndSurviveExport(TestDatabases.Kind kind) {
        fixtures = new ConfigFixtures(kind);
        fixtures.config.apply(USERS, "users.yaml", Map.of(), false, true, Actor.system());
        Organisation organisation = fixtures.config.current();

        assertThat(organisation.user("alice").orElseThrow().notices())
                .isEqualTo(new NoticePreferences(Duration.ofHours(12), Handoff.parse("Fri 16:00"), "alice-console"));
        assertThat(organisation.user("bob").orElseThrow().notices()).isEqualTo(new NoticePreferences(null, null, null));
        assertThat(organisation.user("carol").orElseThrow().notices()).isEqualTo(NoticePreferences.DEFAULT);

        String exported = fixtures.config.exportYaml();
        assertThat(exported).contains("before_shift: 12h").contains("digest: Fri 16:00").contains("via: alice-console")
                .contains("before_shift: \"off\"");
        ApplyResult again = fixtures.config.apply(exported, "export.yaml", Map.of(), false, true, Actor.system());
        assertThat(again.changes()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void badSettingsAreReportedWithTheirLines(TestDatabases.Kind kind) {
        fixtures = new ConfigFixtures(kind);
        String yaml = """
                users:
                  - id: alice
                    name: Alice
                    contact_methods:
                      - { id: alice-sms, type: sms, to: "+41790000001" }
                    notices:
                      before_shift: 0m
                      digest: "08:00"
                      via: alice-sms
                      remind: yes
                  - id: bob
                    name: Bob
                    notices: { via: bob-mail, before_shift: soon }
                """;
        ConfigException failure = catchThrowableOfType(ConfigException.class,
                () -> fixtures.config.apply(yaml, "bad.yaml", Map.of(), false, true, Actor.system()));

        assertThat(failure.problems()).containsExactlyInAnyOrder(
                "bad.yaml:7: users[0].notices.before_shift: must be longer than 0 (or 'off'); the shift start is told anyway",
                "bad.yaml:8: users[0].notices.digest: a weekly digest needs a day, like 'Mon 08:00' (or 'off')",
                "bad.yaml:9: users[0].notices.via: notices cannot be sent by sms yet; name an email or console contact method",
                "bad.yaml:10: users[0].notices.remind: unknown key 'remind'; expected one of: before_shift, digest, via",
                "bad.yaml:13: users[1].notices.via: unknown contact method 'bob-mail'; this user has: none",
                "bad.yaml:13: users[1].notices.before_shift: malformed duration 'soon'; write it like 30s, 15m, 2h, 1d or 1w");
    }
}
