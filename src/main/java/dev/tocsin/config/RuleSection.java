package dev.tocsin.config;

import dev.tocsin.rules.Condition;
import dev.tocsin.rules.FieldPath;
import dev.tocsin.rules.Grouping;
import dev.tocsin.rules.Operator;
import dev.tocsin.rules.Rule;
import dev.tocsin.rules.Template;
import dev.tocsin.rules.Then;
import dev.tocsin.urgency.Urgency;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes event rules ({@code rules:} at the top level and under a service) and a service's
 * {@code grouping:}. Everything a rule needs at evaluation time is compiled here, once per revision: regexes,
 * numbers, field paths, templates.
 */
final class RuleSection {
    static final int MAX_PRIORITY_CHARS = 32;
    static final int MAX_NOTE_CHARS = 2000;

    private RuleSection() {
    }

    static Rule parse(Value value) {
        Fields fields = value.fields("name", "when", "then", "continue");
        String name = fields.id("name");
        Condition when = fields.required("when", RuleSection::block);
        Then then = fields.required("then", RuleSection::then);
        Boolean continues = fields.optional("continue", Value::bool);
        // A rule with a problem is never applied: the whole configuration is refused.
        // (its other parts are still checked, e.g. route_to against the services)
        return new Rule(name, when == null ? new Condition.All(List.of()) : when, then == null ? EMPTY : then,
                continues != null && continues);
    }

    private static final Then EMPTY = new Then(null, null, false, null, null, null, false, null);

    /** {@code all: [...]} or {@code any: [...]}, each item a test or another block. */
    private static Condition block(Value value) {
        Fields fields = value.fields("all", "any");
        boolean all = fields.has("all");
        boolean any = fields.has("any");
        if (all == any) {
            value.problem(all ? "give either 'all' or 'any', not both (nest one inside the other)"
                    : "expected 'all: [conditions]' or 'any: [conditions]'");
            return null;
        }
        List<Condition> conditions = new ArrayList<>();
        boolean ok = true;
        for (Value item : fields.list(all ? "all" : "any")) {
            Condition condition = item(item);
            if (condition == null) ok = false;
            else conditions.add(condition);
        }
        if (!ok) return null;
        return all ? new Condition.All(conditions) : new Condition.Any(conditions);
    }

    private static Condition item(Value value) {
        Fields probe = value.fields("field", "op", "value", "all", "any");
        if (probe.has("all") || probe.has("any")) {
            if (probe.has("field") || probe.has("op") || probe.has("value")) {
                value.problem("a condition is either { field, op, value } or a nested all/any, not both");
                return null;
            }
            return block(value);
        }
        FieldPath field = probe.required("field", v -> v.as(text -> FieldPath.parse(text).orElseThrow(() ->
                new IllegalArgumentException("unknown field '" + text + "'; fields are " + String.join(", ", FieldPath.NAMES)))));
        Operator op = probe.required("op", v -> v.as(text -> Operator.parse(text).orElseThrow(() ->
                new IllegalArgumentException("unknown op '" + text + "'" + Suggestions.hint(text, Operator.wireNames())
                        + "; expected one of: " + String.join(", ", Operator.wireNames())))));
        if (field == null || op == null) return null;
        Value raw = probe.optional("value");
        if (raw == null && op != Operator.EXISTS) {
            value.problem("missing required field 'value' (op '" + op.wireName() + "')");
            return null;
        }
        String single = null;
        List<String> list = null;
        if (op == Operator.IN) {
            if (!raw.isList()) {
                raw.problem("'in' takes a list of values, e.g. value: [a, b]");
                return null;
            }
            list = new ArrayList<>();
            for (Value entry : raw.items()) {
                String text = entry.text();
                if (text == null) return null;
                list.add(text);
            }
        } else if (raw != null) {
            single = raw.text();
            if (single == null) return null;
        }
        try {
            return Condition.Check.of(field, op, single, list);
        } catch (IllegalArgumentException e) {
            (raw == null ? value : raw).problem(e.getMessage());
            return null;
        }
    }

    private static Then then(Value value) {
        Fields fields = value.fields("urgency", "priority", "suppress", "route_to", "note", "group_by", "drop", "runbook");
        Urgency urgency = fields.optional("urgency", v -> v.as(text -> switch (text) {
            case "high" -> Urgency.HIGH;
            case "low" -> Urgency.LOW;
            default -> throw new IllegalArgumentException("unknown urgency '" + text + "'; expected high or low");
        }));
        String priority = fields.optionalText("priority");
        if (priority != null && priority.length() > MAX_PRIORITY_CHARS) {
            fields.optional("priority").problem("a priority is at most " + MAX_PRIORITY_CHARS + " characters (e.g. P1)");
        }
        Boolean suppress = fields.optional("suppress", Value::bool);
        String routeTo = fields.optional("route_to", Value::id);
        String note = fields.optionalText("note");
        if (note != null && note.length() > MAX_NOTE_CHARS) {
            fields.optional("note").problem("a note is at most " + MAX_NOTE_CHARS + " characters");
        }
        Template groupBy = fields.optional("group_by", v -> v.as(Template::parse));
        Boolean drop = fields.optional("drop", Value::bool);
        String runbook = fields.optionalText("runbook");
        Then then = new Then(urgency, priority, Boolean.TRUE.equals(suppress), routeTo, note, groupBy,
                Boolean.TRUE.equals(drop), runbook);
        if (Boolean.TRUE.equals(drop) && Boolean.TRUE.equals(suppress)) {
            value.problem("a rule either drops (nothing kept) or suppresses (kept, nobody paged), not both");
        } else if (then.isEmpty() && fields.keys().stream().noneMatch(key -> fields.has(key))) {
            value.problem("a rule needs at least one action: urgency, priority, suppress, route_to, note, group_by, drop or runbook");
        }
        return then;
    }

    /** {@code grouping: { key: "{{labels.cluster}}", window: 30m }}. */
    static Grouping grouping(Value value) {
        Fields fields = value.fields("key", "window");
        Template key = fields.required("key", v -> v.as(Template::parse));
        java.time.Duration window = fields.duration("window", Grouping.DEFAULT_WINDOW);
        if (window != null && (window.isZero() || window.isNegative())) {
            fields.optional("window").problem("the window must be longer than zero");
        }
        return key == null || window == null ? null : new Grouping(key, window);
    }

    static Map<String, Object> write(Rule rule) {
        Map<String, Object> out = Tree.map();
        Tree.plain(out, "name", rule.name());
        out.put("when", block(rule.when()));
        Then then = rule.then();
        Map<String, Object> actions = Tree.map();
        if (then.urgency() != null) Tree.plain(actions, "urgency", then.urgency().wireName());
        Tree.text(actions, "priority", then.priority());
        if (then.suppress()) Tree.plain(actions, "suppress", true);
        Tree.plain(actions, "route_to", then.routeTo());
        Tree.text(actions, "note", then.note());
        if (then.groupBy() != null) Tree.text(actions, "group_by", then.groupBy().text());
        if (then.drop()) Tree.plain(actions, "drop", true);
        Tree.text(actions, "runbook", then.runbook());
        out.put("then", actions);
        Tree.plain(out, "continue", rule.continueMatching());
        return out;
    }

    private static Map<String, Object> block(Condition condition) {
        Map<String, Object> out = Tree.map();
        if (condition instanceof Condition.All all) out.put("all", all.conditions().stream().map(RuleSection::item).toList());
        else if (condition instanceof Condition.Any any) out.put("any", any.conditions().stream().map(RuleSection::item).toList());
        return out;
    }

    private static Object item(Condition condition) {
        if (!(condition instanceof Condition.Check check)) return block(condition);
        Map<String, Object> out = Tree.map();
        Tree.plain(out, "field", check.field().text());
        Tree.plain(out, "op", check.op().wireName());
        if (check.op() == Operator.IN) out.put("value", check.values().stream().map(v -> (Object) escape(v)).toList());
        else Tree.text(out, "value", check.value());
        return out;
    }

    private static String escape(String text) {
        Map<String, Object> holder = Tree.map();
        Tree.text(holder, "v", text);
        return (String) holder.get("v");
    }

    static Map<String, Object> write(Grouping grouping) {
        Map<String, Object> out = Tree.map();
        Tree.text(out, "key", grouping.key().text());
        Tree.plain(out, "window", dev.tocsin.time.Durations.format(grouping.window()));
        return out;
    }
}
