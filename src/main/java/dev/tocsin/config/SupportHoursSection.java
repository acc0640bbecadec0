package dev.tocsin.config;

import dev.tocsin.urgency.SupportHours;
import dev.tocsin.urgency.Urgency;

import java.util.Map;

/**
 * Reads and writes {@code support_hours: { timezone, hours }} (on a team or a service) and a service's
 * {@code urgency: { outside_support_hours: low | high }}.
 */
final class SupportHoursSection {
    private SupportHoursSection() {
    }

    static SupportHours parse(Value value) {
        Fields fields = value.fields("timezone", "hours");
        var zone = fields.required("timezone", Value::zone);
        String hours = fields.text("hours");
        if (zone == null || hours == null) return null;
        try {
            return SupportHours.parse(zone, hours);
        } catch (IllegalArgumentException e) {
            fields.optional("hours").problem(e.getMessage());
            return null;
        }
    }

    static Urgency parseUrgency(Value value) {
        Fields fields = value.fields("outside_support_hours");
        String text = fields.optionalText("outside_support_hours");
        if (text == null) return null;
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "low" -> Urgency.LOW;
            case "high" -> Urgency.HIGH;
            default -> {
                fields.optional("outside_support_hours").problem("expected low (wait for support hours) or high (page at once), not '"
                        + text + "'");
                yield null;
            }
        };
    }

    static void write(Map<String, Object> out, SupportHours hours) {
        if (hours == null) return;
        Map<String, Object> item = Tree.map();
        Tree.plain(item, "timezone", hours.zone().getId());
        Tree.plain(item, "hours", hours.window().toString());
        out.put("support_hours", item);
    }
}
