package dev.tocsin.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tocsin.incident.AlertAction;
import dev.tocsin.incident.AlertEvent;
import dev.tocsin.incident.AlertTriage;
import dev.tocsin.json.Json;
import dev.tocsin.urgency.Severity;
import dev.tocsin.urgency.Urgency;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pure rule engine: conditions, operators, order, continue, and what a verdict decides. */
class RuleBookTest {
    static AlertEvent event(String summary, Severity severity, String source, String detailsJson) {
        JsonNode details = detailsJson == null ? null : Json.tree(detailsJson);
        return new AlertEvent("key-12345678", "events-v2", AlertAction.TRIGGER, "dedup-1", summary, severity,
                severity.wireName(), source, "web", "frontend", "latency", null, details, List.of(), "{}");
    }

    static Condition check(String field, String op, String value) {
        return Condition.Check.of(FieldPath.parse(field).orElseThrow(), Operator.parse(op).orElseThrow(), value, null);
    }

    static Rule rule(String name, Condition when, Then then) {
        return new Rule(name, new Condition.All(List.of(when)), then, false);
    }

    static Then urgency(Urgency urgency) {
        return new Then(urgency, null, false, null, null, null, false, null);
    }

    private static final AlertEvent CERT = event("Certificate for shop.example.com expires", Severity.WARNING, "cert-exporter",
            "{\"hours_left\": 100, \"labels\": {\"cluster\": \"prod-eu\", \"namespace\": \"shop\"}, \"flag\": true}");

    @Test
    void everyOperatorReadsTheFieldItNames() {
        assertThat(check("summary", "contains", "shop.example").test(CERT)).isTrue();
        assertThat(check("summary", "equals", "Certificate").test(CERT)).isFalse();
        assertThat(check("summary", "matches", "^Certificate .* expires$").test(CERT)).isTrue();
        assertThat(check("summary", "matches", "expires").test(CERT)).as("found anywhere").isTrue();
        assertThat(check("source", "equals", "cert-exporter").test(CERT)).isTrue();
        assertThat(check("severity", "equals", "warning").test(CERT)).isTrue();
        assertThat(check("component", "equals", "web").test(CERT)).isTrue();
        assertThat(check("group", "equals", "frontend").test(CERT)).isTrue();
        assertThat(check("class", "equals", "latency").test(CERT)).isTrue();
        assertThat(check("labels.cluster", "equals", "prod-eu").test(CERT)).isTrue();
        assertThat(check("details.labels.namespace", "equals", "shop").test(CERT)).isTrue();
        assertThat(check("details.flag", "equals", "true").test(CERT)).isTrue();
        assertThat(Condition.Check.of(FieldPath.parse("labels.cluster").orElseThrow(), Operator.IN, null,
                List.of("prod-us", "prod-eu")).test(CERT)).isTrue();
        assertThat(check("details.hours_left", "gt", "72").test(CERT)).isTrue();
        assertThat(check("details.hours_left", "lte", "72").test(CERT)).isFalse();
        assertThat(check("details.hours_left", "equals", "100.0").test(CERT)).as("numbers compare as numbers").isTrue();
        assertThat(check("details.hours_left", "exists", null).test(CERT)).isTrue();
        assertThat(check("details.missing", "exists", "false").test(CERT)).isTrue();
        assertThat(check("details.missing", "lt", "5").test(CERT)).isFalse();
        assertThat(check("details.missing", "gte", "5").test(CERT)).isFalse();
    }

    @Test
    void aRegexThatBacktracksForEverGivesUpAndDoesNotMatch() {
        AlertEvent unlucky = event("a".repeat(40) + "!", Severity.ERROR, "s", null);
        long started = System.nanoTime();
        assertThat(check("summary", "matches", "^(a|aa)+$").test(unlucky)).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(check("summary", "matches", "^a+!$").test(unlucky)).isTrue();
    }

    @Test
    void aFieldThatIsNotANumberMatchesNoNumericComparison() {
        AlertEvent notANumber = event("x", Severity.ERROR, "s", "{\"hours_left\": \"n/a\"}");
        assertThat(check("details.hours_left", "lt", "72").test(notANumber)).isFalse();
        assertThat(check("details.hours_left", "gte", "72").test(notANumber)).isFalse();
    }

    @Test
    void badValuesAreRefusedWhenTheRuleIsBuiltNotWhenItRuns() {
        assertThatThrownBy(() -> check("summary", "matches", "(unclosed")).hasMessageContaining("does not compile");
        assertThatThrownBy(() -> check("details.x", "lt", "ninety")).hasMessageContaining("'ninety' is not a number");
        assertThatThrownBy(() -> check("details.x", "exists", "maybe")).hasMessageContaining("true or false");
        assertThat(FieldPath.parse("lables.cluster")).isEmpty();
        assertThat(FieldPath.parse("labels")).isEmpty();
        assertThat(FieldPath.parse("details..x")).isEmpty();
        assertThatThrownBy(() -> Template.parse("{{labels.cluster")).hasMessageContaining("never closed");
        assertThatThrownBy(() -> Template.parse("{{nope}}")).hasMessageContaining("unknown field 'nope'");
    }

    @Test
    void serviceRulesComeFirstAndTheFirstMatchWins() {
        Rule serviceLow = rule("service-low", check("source", "equals", "cert-exporter"), urgency(Urgency.LOW));
        Rule topHigh = rule("top-high", check("source", "equals", "cert-exporter"), urgency(Urgency.HIGH));
        RuleBook book = new RuleBook(List.of(topHigh), Map.of("web", new RuleBook.ServiceRules(List.of(serviceLow), null, null)));

        RuleBook.Verdict onWeb = book.evaluate(CERT, "web");
        RuleBook.Verdict elsewhere = book.evaluate(CERT, "payments");

        assertThat(onWeb.matches()).extracting(match -> match.rule().name()).containsExactly("service-low");
        assertThat(onWeb.triage().urgency()).isEqualTo(new AlertTriage.Decision<>(Urgency.LOW, "rule 'service-low' of service web"));
        assertThat(elsewhere.triage().urgency().value()).isEqualTo(Urgency.HIGH);
    }

    @Test
    void continueLetsLaterRulesFillInWhatEarlierOnesLeftOpen() {
        Rule low = new Rule("low", new Condition.All(List.of()), new Then(Urgency.LOW, null, false, null, "first", null, false, null), true);
        Rule high = new Rule("high-p1", new Condition.All(List.of()), new Then(Urgency.HIGH, "P1", false, null, "second", null, false, null), false);
        Rule never = rule("never", new Condition.All(List.of()), new Then(null, "P5", false, null, null, null, false, null));

        AlertTriage triage = new RuleBook(List.of(low, high, never), Map.of()).triage(CERT, "web");

        assertThat(triage.matchedRules()).containsExactly("low", "high-p1");
        assertThat(triage.urgency().value()).isEqualTo(Urgency.LOW);
        assertThat(triage.priority().value()).isEqualTo("P1");
        assertThat(triage.notes()).extracting(AlertTriage.Decision::value).containsExactly("first", "second");
    }

    @Test
    void anyAndNestedBlocksCombine() {
        Condition when = new Condition.Any(List.of(check("source", "equals", "nope"),
                new Condition.All(List.of(check("labels.cluster", "equals", "prod-eu"), check("details.hours_left", "gte", "100")))));
        assertThat(when.test(CERT)).isTrue();
        assertThat(new Condition.Any(List.of()).test(CERT)).isFalse();
        assertThat(new Condition.All(List.of()).test(CERT)).isTrue();
    }

    @Test
    void groupingTakesTheRuleKeyThenTheServiceKeyAndSkipsAlertsWithoutTheField() {
        Grouping byCluster = new Grouping(Template.parse("{{labels.cluster}}"), Duration.ofMinutes(10));
        RuleBook book = new RuleBook(List.of(), Map.of("web", new RuleBook.ServiceRules(List.of(), byCluster, null)));

        AlertTriage grouped = book.triage(CERT, "web");
        AlertTriage ungrouped = book.triage(event("x", Severity.ERROR, "s", "{}"), "web");

        assertThat(grouped.groupKey().value()).isEqualTo("prod-eu");
        assertThat(grouped.groupWindow()).isEqualTo(Duration.ofMinutes(10));
        assertThat(ungrouped.groupKey()).isNull();
        assertThat(Template.parse("{{labels.cluster}}/{{labels.namespace}}").render(CERT)).isEqualTo("prod-eu/shop");
    }

    @Test
    void routingAppliesTheTargetServicesGroupingAndRunbookButNotItsRules() {
        Rule route = rule("to-db", check("source", "equals", "cert-exporter"), new Then(null, null, false, "db", null, null, false, null));
        Rule dbRule = rule("db-low", new Condition.All(List.of()), urgency(Urgency.LOW));
        RuleBook book = new RuleBook(List.of(route), Map.of("db", new RuleBook.ServiceRules(List.of(dbRule),
                new Grouping(Template.parse("{{labels.namespace}}"), Duration.ofMinutes(5)), "https://runbooks/db")));

        AlertTriage triage = book.triage(CERT, "web");

        assertThat(triage.serviceOr("web")).isEqualTo("db");
        assertThat(triage.urgency()).isNull();
        assertThat(triage.groupKey().value()).isEqualTo("shop");
        assertThat(triage.runbook()).isEqualTo(new AlertTriage.Decision<>("https://runbooks/db", "service db"));
    }

    @Test
    void theRunbookIsTheRulesThenTheAlertsThenTheServices() {
        AlertEvent withAnnotation = event("x", Severity.ERROR, "s", "{\"annotations\": {\"runbook_url\": \"https://rb/alert\"}}");
        AlertEvent withLink = new AlertEvent("k", "events-v2", AlertAction.TRIGGER, "d", "x", Severity.ERROR, "error", "s",
                null, null, null, null, null, List.of(new AlertEvent.Link("https://rb/link", "Runbook")), "{}");
        RuleBook serviceOnly = new RuleBook(List.of(), Map.of("web", new RuleBook.ServiceRules(List.of(), null, "https://rb/service")));
        RuleBook withRule = new RuleBook(List.of(rule("rb", new Condition.All(List.of()),
                new Then(null, null, false, null, null, null, false, "https://rb/rule"))), Map.of());

        assertThat(serviceOnly.triage(withAnnotation, "web").runbook().value()).isEqualTo("https://rb/alert");
        assertThat(serviceOnly.triage(withLink, "web").runbook().value()).isEqualTo("https://rb/link");
        assertThat(serviceOnly.triage(event("x", Severity.ERROR, "s", null), "web").runbook().value()).isEqualTo("https://rb/service");
        assertThat(withRule.triage(withAnnotation, "web").runbook().value()).isEqualTo("https://rb/rule");
        assertThat(RuleBook.EMPTY.triage(withAnnotation, "web").runbook().value()).isEqualTo("https://rb/alert");
        assertThat(RuleBook.EMPTY.triage(CERT, "web")).isSameAs(AlertTriage.NONE);
    }

    @Property
    void numericOperatorsAgreeWithArithmetic(@ForAll int field, @ForAll int threshold) {
        AlertEvent event = event("x", Severity.ERROR, "s", "{\"n\": " + field + "}");
        String value = Integer.toString(threshold);
        assertThat(check("details.n", "lt", value).test(event)).isEqualTo(field < threshold);
        assertThat(check("details.n", "lte", value).test(event)).isEqualTo(field <= threshold);
        assertThat(check("details.n", "gt", value).test(event)).isEqualTo(field > threshold);
        assertThat(check("details.n", "gte", value).test(event)).isEqualTo(field >= threshold);
        assertThat(check("details.n", "equals", value).test(event)).isEqualTo(field == threshold);
    }

    @Property
    void allAndAnyAreConjunctionAndDisjunction(@ForAll List<Boolean> outcomes) {
        List<Condition> conditions = outcomes.stream()
                .map(outcome -> check("source", outcome ? "exists" : "contains", outcome ? null : "\u0000never")).toList();
        assertThat(new Condition.All(conditions).test(CERT)).isEqualTo(outcomes.stream().allMatch(b -> b));
        assertThat(new Condition.Any(conditions).test(CERT)).isEqualTo(outcomes.stream().anyMatch(b -> b));
    }
}
