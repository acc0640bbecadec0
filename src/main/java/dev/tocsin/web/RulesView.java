package dev.tocsin.web;

import dev.tocsin.config.Organisation;
import dev.tocsin.rules.Condition;
import dev.tocsin.rules.Operator;
import dev.tocsin.rules.Rule;
import dev.tocsin.rules.Then;
import dev.tocsin.service.Integration;
import dev.tocsin.service.Service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What the rules page shows: the rules in evaluation order, in words, and the tester's form and results. */
public record RulesView(Organisation organisation, Form form, List<Map<String, Object>> results) {
    /** The tester's form as submitted (or empty). */
    public record Form(String service, String format, String event) {
    }

    /** One rule in words. */
    public record Line(String name, String when, String then, boolean continues) {
    }

    public List<Service> services() {
        return organisation.document().services();
    }

    public List<Service> servicesWithRules() {
        return services().stream().filter(service -> !service.rules().isEmpty() || service.grouping() != null
                || service.runbook() != null).toList();
    }

    public List<Line> topLevel() {
        return organisation.document().rules().stream().map(RulesView::line).toList();
    }

    public List<Line> rules(Service service) {
        return service.rules().stream().map(RulesView::line).toList();
    }

    public String grouping(Service service) {
        return service.grouping() == null ? null : "grouping key " + service.grouping().key().text() + ", window "
                + dev.tocsin.time.Durations.format(service.grouping().window());
    }

    public List<String> formats() {
        return Arrays.stream(Integration.Type.values()).map(Integration.Type::wireName).toList();
    }

    public boolean selected(String value, String chosen) {
        return value.equals(chosen);
    }

    /** The tester's result for one event, as lines of text. */
    public List<String> lines(Map<String, Object> result) {
        List<String> lines = new ArrayList<>();
        Object matched = result.get("matched");
        String names = matched instanceof List<?> list && !list.isEmpty()
                ? list.stream().map(item -> String.valueOf(((Map<?, ?>) item).get("rule")) + " (" + ((Map<?, ?>) item).get("scope") + ")")
                .collect(Collectors.joining(", ")) : "no rule";
        lines.add("Matched: " + names);
        String outcome = String.valueOf(result.get("result"));
        lines.add("Result: " + switch (outcome) {
            case "suppressed" -> "suppressed by " + result.get("suppressed_by") + " (recorded, no incident, nobody paged)";
            case "dropped" -> "dropped by " + result.get("dropped_by") + " (not stored, counted in metrics)";
            case "not_evaluated" -> "not evaluated: rules apply to triggers only";
            default -> "incident on " + result.get("service") + (result.containsKey("routed_by") ? " (routed by " + result.get("routed_by") + ")" : "");
        });
        if ("incident".equals(outcome)) {
            lines.add("Urgency: " + result.get("urgency") + " (" + result.get("urgency_by") + ")");
            for (String field : List.of("priority", "group_key", "runbook")) {
                if (result.containsKey(field)) {
                    lines.add(field.replace('_', ' ') + ": " + result.get(field) + " (" + result.get(field + "_by") + ")");
                }
            }
            if (result.get("notes") instanceof List<?> notes) {
                for (Object note : notes) lines.add("Note: " + ((Map<?, ?>) note).get("note") + " (" + ((Map<?, ?>) note).get("by") + ")");
            }
        }
        return lines;
    }

    static Line line(Rule rule) {
        return new Line(rule.name(), when(rule.when()), then(rule.then()), rule.continueMatching());
    }

    private static String when(Condition condition) {
        if (condition instanceof Condition.All all) return join(all.conditions(), " and ");
        if (condition instanceof Condition.Any any) return join(any.conditions(), " or ");
        Condition.Check check = (Condition.Check) condition;
        if (check.op() == Operator.IN) return check.field() + " in [" + String.join(", ", check.values()) + "]";
        if (check.op() == Operator.EXISTS) return check.field() + ("true".equals(check.value()) ? " exists" : " does not exist");
        return check.field() + " " + check.op().wireName() + " " + check.value();
    }

    private static String join(List<Condition> conditions, String word) {
        if (conditions.isEmpty()) return word.trim().equals("and") ? "always" : "never";
        return conditions.stream().map(c -> c instanceof Condition.Check ? when(c) : "(" + when(c) + ")")
                .collect(Collectors.joining(word));
    }

    private static String then(Then then) {
        List<String> parts = new ArrayList<>();
        if (then.drop()) parts.add("drop");
        if (then.suppress()) parts.add("suppress");
        if (then.urgency() != null) parts.add("urgency " + then.urgency().wireName());
        if (then.priority() != null) parts.add("priority " + then.priority());
        if (then.routeTo() != null) parts.add("route to " + then.routeTo());
        if (then.groupBy() != null) parts.add("group by " + then.groupBy().text());
        if (then.note() != null) parts.add("note \"" + then.note() + "\"");
        if (then.runbook() != null) parts.add("runbook " + then.runbook());
        return String.join(", ", parts);
    }
}
