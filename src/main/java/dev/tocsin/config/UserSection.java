package dev.tocsin.config;

import dev.tocsin.urgency.Urgency;
import dev.tocsin.user.ContactMethod;
import dev.tocsin.user.NoticePreferences;
import dev.tocsin.user.NotificationRule;
import dev.tocsin.user.User;
import dev.tocsin.user.WorkingHours;
import dev.tocsin.time.Durations;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads and writes one entry of {@code users:}. */
final class UserSection {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>]+@[^@\\s<>]+\\.[^@\\s<>]+");

    private UserSection() {
    }

    static User parse(Value value) {
        Fields fields = value.fields("id", "name", "email", "timezone", "working_hours", "contact_methods", "notification_rules",
                "notices");
        String id = fields.id("id");
        String name = fields.text("name");
        String email = fields.optionalText("email");
        if (email != null && !EMAIL.matcher(email).matches()) fields.optional("email").problem("'" + email + "' is not an email address");
        var timezone = fields.optional("timezone", Value::zone);
        WorkingHours hours = fields.optional("working_hours", v -> v.as(WorkingHours::parse));
        List<ContactMethod> methods = new ArrayList<>();
        Set<String> methodIds = new HashSet<>();
        for (Value item : fields.list("contact_methods")) {
            ContactMethod method = ContactMethodSection.parse(item, id);
            if (method == null) continue;
            if (!methodIds.add(method.id())) {
                item.problem("duplicate contact method id '" + method.id() + "'");
            } else {
                methods.add(method);
            }
        }
        Map<Urgency, List<NotificationRule>> rules = new EnumMap<>(Urgency.class);
        Value rulesValue = fields.optional("notification_rules");
        if (rulesValue != null) {
            Fields byUrgency = rulesValue.fields("high", "low");
            for (Urgency urgency : Urgency.values()) {
                List<NotificationRule> list = byUrgency.list(urgency.wireName()).stream()
                        .map(rule -> parseRule(rule, methodIds, urgency == Urgency.LOW ? methods : List.of()))
                        .filter(Objects::nonNull).toList();
                if (byUrgency.has(urgency.wireName())) rules.put(urgency, list);
            }
        }
        NoticePreferences notices = fields.optional("notices", v -> NoticeSection.parse(v, methods));
        return new User(id, name, email, timezone == null ? User.DEFAULT_TIMEZONE : timezone, hours, methods, rules,
                notices);
    }

    /** @param phoneless methods a low rule may not name if they ring a phone (empty for high rules) */
    private static NotificationRule parseRule(Value value, Set<String> methodIds, List<ContactMethod> phoneless) {
        Fields fields = value.fields("after", "via", "repeat_every");
        var after = fields.duration("after", Durations.parse("0m"));
        String via = fields.text("via");
        if (via != null && phoneless.stream().anyMatch(method -> method.id().equals(via) && method.ringsPhone())) {
            fields.optional("via").problem("low urgency never rings a phone: '" + via
                    + "' is a voice contact method; name sms, email, push or chat in low rules");
        }
        if (via != null && !methodIds.contains(via)) {
            fields.optional("via").problem("unknown contact method '" + via + "'" + Suggestions.hint(via, methodIds)
                    + "; this user has: " + (methodIds.isEmpty() ? "none" : String.join(", ", methodIds)));
        }
        var repeat = fields.optional("repeat_every", Value::duration);
        if (repeat != null && repeat.isZero()) fields.optional("repeat_every").problem("must be longer than 0");
        return new NotificationRule(after, via, repeat);
    }

    static Map<String, Object> write(User user, SecretStyle secrets) {
        Map<String, Object> out = Tree.map();
        Tree.plain(out, "id", user.id());
        Tree.text(out, "name", user.name());
        Tree.text(out, "email", user.email());
        Tree.plain(out, "timezone", user.timezone().getId());
        Tree.plain(out, "working_hours", user.workingHours());
        if (!user.contactMethods().isEmpty()) {
            out.put("contact_methods", user.contactMethods().stream()
                    .map(method -> ContactMethodSection.write(method, secrets)).toList());
        }
        if (!user.notificationRules().isEmpty()) {
            Map<String, Object> rules = Tree.map();
            for (Urgency urgency : Urgency.values()) {
                if (!user.notificationRules().containsKey(urgency)) continue;
                rules.put(urgency.wireName(), user.rules(urgency).stream().map(rule -> {
                    Map<String, Object> item = Tree.map();
                    Tree.plain(item, "after", Durations.format(rule.after()));
                    Tree.plain(item, "via", rule.via());
                    if (rule.repeatEvery() != null) Tree.plain(item, "repeat_every", Durations.format(rule.repeatEvery()));
                    return item;
                }).toList());
            }
            out.put("notification_rules", rules);
        }
        if (!user.notices().isDefault()) out.put("notices", NoticeSection.write(user.notices()));
        return out;
    }
}
