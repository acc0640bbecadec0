package dev.tocsin.config;

import dev.tocsin.testing.TestDatabases;
import dev.tocsin.trace.Actor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Event rules, grouping and runbooks in the configuration: every problem with its line, and a clean round trip. */
class RuleConfigTest {
    private static final String BASE = """
            users:
              - { id: alice, name: Alice }
            escalation_policies:
              - id: platform
                levels:
                  - { notify: [ "user:alice" ] }
            """;

    private ConfigFixtures fixtures;

    @BeforeEach
    void open() {
        fixtures = new ConfigFixtures(TestDatabases.Kind.SQLITE);
    }

    @AfterEach
    void close() {
        fixtures.close();
    }

    private ConfigException problemsOf(String yaml) {
        return catchThrowableOfType(ConfigException.class,
                () -> fixtures.config.apply(yaml, "rules.yaml", Map.of(), false, true, Actor.system()));
    }

    @Test
    void everyRuleProblemIsReportedWithItsLineAndNothingChanges() {
        String yaml = BASE + """
                services:
                  - id: payments
                    name: Payments
                    escalation_policy: platform
                    grouping: { key: "{{lables.cluster}}", window: 0m }
                    rules:
                      - name: dup
                        when: { all: [ { field: summary, op: contains, value: x } ] }
                        then: { urgency: medium }
                      - name: dup
                        when: { all: [ { field: summary, op: in, value: x } ] }
                        then: { note: hi }
                rules:
                  - name: bad-regex
                    when: { all: [ { field: summary, op: matches, value: "(unclosed" } ] }
                    then: { urgency: low }
                  - name: bad-op
                    when: { all: [ { field: summary, op: greater, value: 3 } ] }
                    then: { urgency: low }
                  - name: not-a-number
                    when: { all: [ { field: details.used, op: lt, value: ninety } ] }
                    then: { urgency: low }
                  - name: unknown-service
                    when: { any: [ { field: lables.cluster, op: exists } ] }
                    then: { route_to: paymnts }
                  - name: both
                    when: { all: [], any: [] }
                    then: { drop: true, suppress: true }
                  - name: nothing
                    when: { all: [] }
                    then: {}
                """;

        ConfigException failure = problemsOf(yaml);

        assertThat(failure.problems()).containsExactly(
                "rules.yaml:11: services[0].grouping.key: unknown field 'lables.cluster' in {{…}}; fields are summary, source, severity, component, group, class, dedup_key, format, details.<path>, labels.<name>, annotations.<name>",
                "rules.yaml:11: services[0].grouping.window: the window must be longer than zero",
                "rules.yaml:15: services[0].rules[0].then.urgency: unknown urgency 'medium'; expected high or low",
                "rules.yaml:16: services[0].rules[1].name: duplicate rule name 'dup' (first at services[0].rules[0])",
                "rules.yaml:17: services[0].rules[1].when.all[0].value: 'in' takes a list of values, e.g. value: [a, b]",
                "rules.yaml:21: rules[0].when.all[0].value: regular expression does not compile: Unclosed group near index 9",
                "rules.yaml:24: rules[1].when.all[0].op: unknown op 'greater'; expected one of: equals, contains, matches, in, lt, lte, gt, gte, exists",
                "rules.yaml:27: rules[2].when.all[0].value: 'lt' compares numbers; 'ninety' is not a number",
                "rules.yaml:30: rules[3].when.any[0].field: unknown field 'lables.cluster'; fields are summary, source, severity, component, group, class, dedup_key, format, details.<path>, labels.<name>, annotations.<name>",
                "rules.yaml:31: rules[3].then.route_to: unknown service 'paymnts' (did you mean 'payments'?)",
                "rules.yaml:33: rules[4].when: give either 'all' or 'any', not both (nest one inside the other)",
                "rules.yaml:34: rules[4].then: a rule either drops (nothing kept) or suppresses (kept, nobody paged), not both",
                "rules.yaml:37: rules[5].then: a rule needs at least one action: urgency, priority, suppress, route_to, note, group_by, drop or runbook");
        assertThat(fixtures.count("config_objects")).isZero();
    }

    @Test
    void rulesGroupingAndRunbooksExportAndApplyBackWithNoChange() {
        String yaml = BASE + """
                services:
                  - id: payments
                    name: Payments
                    escalation_policy: platform
                    runbook: https://wiki.example.com/payments
                    grouping: { key: "{{labels.cluster}}" }
                    rules:
                      - name: quiet-staging
                        when:
                          any:
                            - { field: labels.env, op: in, value: [staging, "${not-a-placeholder}"] }
                            - all:
                                - { field: summary, op: matches, value: "^disk .*" }
                                - { field: details.used, op: lt, value: 90 }
                        then: { suppress: true }
                        continue: true
                rules:
                  - name: cert-far
                    when: { all: [ { field: details.hours_left, op: gt, value: 72 } ] }
                    then: { urgency: low, priority: P4, note: "far away", group_by: "{{source}}", runbook: "see wiki" }
                """.replace("${not-a-placeholder}", "qa");
        fixtures.config.apply(yaml, "rules.yaml", Map.of(), false, true, Actor.system());

        String exported = fixtures.config.exportYaml();
        ApplyResult again = fixtures.config.apply(exported, "export.yaml", Map.of(), false, true, Actor.system());

        assertThat(again.changes()).isEmpty();
        assertThat(exported).contains("window: 30m", "continue: false", "name: cert-far");
        var book = fixtures.config.current().ruleBook();
        assertThat(book.topLevel()).extracting(dev.tocsin.rules.Rule::name).containsExactly("cert-far");
        assertThat(book.service("payments").rules()).hasSize(1);
        assertThat(book.service("payments").runbook()).isEqualTo("https://wiki.example.com/payments");
    }
}
