package dev.tocsin.config;

import dev.tocsin.schedule.Handoff;
import dev.tocsin.time.Durations;
import dev.tocsin.user.ContactMethod;
import dev.tocsin.user.NoticePreferences;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads and writes a user's {@code notices:} ({@code before_shift}, {@code digest}, {@code via}). */
final class NoticeSection {
    /** Written instead of a value to switch a reminder or the digest off. */
    static final String OFF = "off";
    /** The contact method kinds notices can be delivered through today. */
    static final Set<String> DELIVERABLE = Set.of("email", "console");

    private NoticeSection() {
    }

    static NoticePreferences parse(Value value, List<ContactMethod> methods) {
        Fields fields = value.fields("before_shift", "digest", "via");
        Duration before = NoticePreferences.DEFAULT_BEFORE_SHIFT;
        Value beforeValue = fields.optional("before_shift");
        if (beforeValue != null) {
            before = isOff(beforeValue) ? null : beforeValue.duration();
            if (before != null && before.isZero()) beforeValue.problem("must be longer than 0 (or 'off'); the shift start is told anyway");
        }
        Handoff digest = NoticePreferences.DEFAULT_DIGEST;
        Value digestValue = fields.optional("digest");
        if (digestValue != null) {
            digest = isOff(digestValue) ? null : digestValue.as(Handoff::parse);
            if (digest != null && digest.day() == null) {
                digestValue.problem("a weekly digest needs a day, like 'Mon 08:00' (or 'off')");
                digest = null;
            }
        }
        String via = fields.optionalText("via");
        if (via != null) {
            ContactMethod method = methods.stream().filter(m -> m.id().equals(via)).findFirst().orElse(null);
            if (method == null) {
                List<String> ids = methods.stream().map(ContactMethod::id).toList();
                fields.optional("via").problem("unknown contact method '" + via + "'" + Suggestions.hint(via, ids)
                        + "; this user has: " + (ids.isEmpty() ? "none" : String.join(", ", ids)));
            } else if (!DELIVERABLE.contains(method.type())) {
                fields.optional("via").problem("notices cannot be sent by " + method.type() + " yet; name an email or console contact method");
            }
        }
        return new NoticePreferences(before, digest, via);
    }

    private static boolean isOff(Value value) {
        return value.isText() && OFF.equalsIgnoreCase(String.valueOf(value.text()).trim());
    }

    static Map<String, Object> write(NoticePreferences notices) {
        Map<String, Object> out = Tree.map();
        out.put("before_shift", notices.beforeShift() == null ? OFF : Durations.format(notices.beforeShift()));
        out.put("digest", notices.digest() == null ? OFF : notices.digest().toString());
        Tree.plain(out, "via", notices.via());
        return out;
    }
}
