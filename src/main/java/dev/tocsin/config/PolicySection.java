package dev.tocsin.config;

import dev.tocsin.escalation.EscalationLevel;
import dev.tocsin.escalation.EscalationPolicy;
import dev.tocsin.escalation.Target;
import dev.tocsin.time.Durations;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads and writes one entry of {@code escalation_policies:}. */
final class PolicySection {
    private PolicySection() {
    }

    static EscalationPolicy parse(Value value) {
        Fields fields = value.fields("id", "name", "levels", "repeat");
        String id = fields.id("id");
        String name = fields.optionalText("name");
        List<EscalationLevel> levels = new ArrayList<>();
        Value levelsValue = fields.required("levels");
        if (levelsValue != null) {
            List<Value> items = levelsValue.items();
            if (items.isEmpty() && levelsValue.isList()) levelsValue.problem("a policy needs at least one level");
            for (Value item : items) levels.add(parseLevel(item));
        }
        Integer repeat = fields.optional("repeat", v -> v.integer(0, EscalationPolicy.MAX_REPEAT));
        return new EscalationPolicy(id, name, levels, repeat == null ? EscalationPolicy.DEFAULT_REPEAT : repeat);
    }

    private static EscalationLevel parseLevel(Value value) {
        Fields fields = value.fields("notify", "escalate_after", "assign");
        List<Target> targets = new ArrayList<>();
        Value notify = fields.optional("notify");
        if (notify == null) {
            value.problem("escalation level without targets: add notify: [\"schedule:ID\" | \"user:ID\" | \"team:ID\"]");
        } else {
            List<Value> items = notify.itemsOrOne();
            if (items.isEmpty()) notify.problem("escalation level without targets");
            for (Value item : items) {
                String text = item.text();
                if (text == null) continue;
                Target.parse(text).ifPresentOrElse(target -> targets.add(item.context().located(target, item)), () -> item.problem(
                        "'" + text + "' is not a target; write schedule:ID, user:ID or team:ID"));
            }
        }
        var after = fields.duration("escalate_after", EscalationLevel.DEFAULT_ESCALATE_AFTER);
        if (after != null && after.isZero()) fields.optional("escalate_after").problem("must be longer than 0");
        EscalationLevel.Assignment assign = fields.optional("assign", v -> {
            String text = v.text();
            if (text == null) return null;
            return EscalationLevel.Assignment.parse(text).orElseGet(() -> {
                v.problem("unknown assign '" + text + "'; expected everyone or round_robin");
                return null;
            });
        });
        return new EscalationLevel(targets, after, assign == null ? EscalationLevel.Assignment.DEFAULT : assign);
    }

    static Map<String, Object> write(EscalationPolicy policy) {
        Map<String, Object> out = Tree.map();
        Tree.plain(out, "id", policy.id());
        Tree.text(out, "name", policy.name());
        out.put("levels", policy.levels().stream().map(level -> {
            Map<String, Object> item = Tree.map();
            item.put("notify", level.targets().stream().map(Target::toString).toList());
            Tree.plain(item, "escalate_after", Durations.format(level.escalateAfter()));
            Tree.plain(item, "assign", level.assign().wireName());
            return item;
        }).toList());
        Tree.plain(out, "repeat", policy.repeat());
        return out;
    }
}
