package dev.tocsin.migrate.opsgenie;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tocsin.migrate.Ids;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Opsgenie users → Tocsin users: time zone, contact methods (email, sms, voice) and the "create alert"
 * notification rules as per-urgency steps (priority P1/P2 → high, P3–P5 → low, "match all" → both).
 */
final class UserImport {
    private static final Set<String> HIGH = Set.of("P1", "P2");

    private final Mapping mapping;

    UserImport(Mapping mapping) {
        this.mapping = mapping;
    }

    /** Claims the user's Tocsin id (before anything refers to users). */
    void name(JsonNode user) {
        String username = user.path("username").asText();
        String local = username.contains("@") ? username.substring(0, username.indexOf('@')) : username;
        String id = mapping.userIds.of(local);
        mapping.users.put(user.path("id").asText(), id);
        mapping.users.put(username, id);
    }

    Map<String, Object> map(JsonNode user, List<JsonNode> rules) {
        String source = user.path("username").asText();
        String id = mapping.user(user.path("id").asText());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("name", user.path("fullName").asText(source).isBlank() ? source : user.path("fullName").asText(source));
        if (source.contains("@")) out.put("email", source);
        String zone = user.path("timeZone").asText("");
        if (!zone.isEmpty()) {
            try {
                out.put("timezone", ZoneId.of(zone).getId());
            } catch (RuntimeException e) {
                mapping.report.unmapped("user", source, "timeZone " + zone, "not an IANA time zone", "UTC");
            }
        }
        Ids methodIds = new Ids();
        Map<String, String> methodByAddress = new LinkedHashMap<>();
        List<Map<String, Object>> methods = new ArrayList<>();
        for (JsonNode contact : user.path("userContacts")) {
            String method = contact.path("contactMethod").asText(contact.path("method").asText());
            String to = contact.path("to").asText();
            String via = contactMethod(source, method, to, methodIds, methods);
            if (via != null) methodByAddress.put(method + ":" + to, via);
            if (!contact.path("enabled").asBoolean(true)) {
                mapping.report.unmapped("user", source, "disabled contact " + method + " " + to,
                        "Tocsin contact methods cannot be disabled", "imported; used only where a notification rule names it");
            }
        }
        if (!methods.isEmpty()) out.put("contact_methods", methods);
        Map<String, List<Map<String, Object>>> byUrgency = new LinkedHashMap<>();
        for (JsonNode rule : rules) addRule(source, rule, methodIds, methods, methodByAddress, byUrgency);
        if (!byUrgency.isEmpty()) out.put("notification_rules", byUrgency);
        mapping.report.mapped("user", source, "user " + id + " (" + methods.size() + " contact methods)");
        return out;
    }

    /** A contact method for Opsgenie's {@code method}/{@code to}; null for one Tocsin cannot reach the same way. */
    private String contactMethod(String user, String method, String to, Ids ids, List<Map<String, Object>> methods) {
        Map<String, Object> out = new LinkedHashMap<>();
        switch (method) {
            case "email" -> out.put("to", to);
            case "sms", "voice" -> {
                String digits = to.replaceAll("[^0-9]", "");
                if (digits.length() < 7) {
                    mapping.report.unmapped("user", user, method + " " + to, "not a phone number", "none");
                    return null;
                }
                out.put("to", "+" + digits);
            }
            default -> {
                mapping.report.unmapped("user", user, "contact " + method + " " + to,
                        "Opsgenie's " + method + " (app push) has no Tocsin counterpart that can be carried over",
                        "an ntfy contact method (push): add one with a topic the person subscribes to");
                return null;
            }
        }
        String id = ids.of(method);
        Map<String, Object> ordered = new LinkedHashMap<>();
        ordered.put("id", id);
        ordered.put("type", method);
        ordered.putAll(out);
        methods.add(ordered);
        return id;
    }

    private void addRule(String user, JsonNode rule, Ids ids, List<Map<String, Object>> methods,
                         Map<String, String> methodByAddress, Map<String, List<Map<String, Object>>> byUrgency) {
        String name = rule.path("name").asText(rule.path("id").asText());
        String action = rule.path("actionType").asText();
        if (!rule.path("enabled").asBoolean(true)) {
            mapping.report.unmapped("notification rule", user + ": " + name, "disabled rule", "not in force in Opsgenie", "not imported");
            return;
        }
        if (!action.equals("create-alert")) {
            mapping.report.unmapped("notification rule", user + ": " + name, "actionType " + action,
                    "Tocsin notification rules are for being paged about a new incident",
                    action.startsWith("schedule-") ? "schedule notices (notices: before_shift)" : "not imported");
            return;
        }
        Set<String> urgencies = urgencies(user, name, rule.path("criteria"));
        if (rule.path("timeRestriction").isObject() && !rule.path("timeRestriction").isEmpty()) {
            mapping.report.unmapped("notification rule", user + ": " + name, "time restriction",
                    "Tocsin rules apply at all times", "the steps apply always");
        }
        long loopAfter = rule.path("repeat").path("enabled").asBoolean(false) ? rule.path("repeat").path("loopAfter").asLong(0) : 0;
        List<Map<String, Object>> steps = new ArrayList<>();
        for (JsonNode step : rule.path("steps")) {
            if (!step.path("enabled").asBoolean(true)) continue;
            String method = step.path("contact").path("method").asText();
            String to = step.path("contact").path("to").asText();
            String via = methodByAddress.get(method + ":" + to);
            if (via == null && !methodByAddress.containsKey(method + ":" + to)) {
                via = contactMethod(user, method, to, ids, methods);
                methodByAddress.put(method + ":" + to, via);
            }
            if (via == null) continue;   // reported with the contact method
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("after", Durations.text(Durations.minutes(step.path("sendAfter"))));
            out.put("via", via);
            steps.add(out);
        }
        if (loopAfter > 0 && !steps.isEmpty()) {
            steps.get(steps.size() - 1).put("repeat_every", Durations.text(loopAfter));
            mapping.report.unmapped("notification rule", user + ": " + name, "repeat every " + loopAfter + "m",
                    "Opsgenie repeats the whole rule; Tocsin repeats one step", "the last step repeats every " + Durations.text(loopAfter));
        }
        for (String urgency : urgencies) {
            List<Map<String, Object>> list = byUrgency.computeIfAbsent(urgency, key -> new ArrayList<>());
            if (!list.isEmpty()) {
                mapping.report.unmapped("notification rule", user + ": " + name, "several rules for " + urgency + " urgency",
                        "Opsgenie uses the first matching rule", "their steps are joined");
            }
            list.addAll(steps);
        }
        mapping.report.mapped("notification rule", user + ": " + name, String.join(" and ", urgencies) + " urgency steps");
    }

    private Set<String> urgencies(String user, String rule, JsonNode criteria) {
        String type = criteria.path("type").asText("match-all");
        if (type.equals("match-all")) return new TreeSet<>(List.of("high", "low"));
        Set<String> urgencies = new TreeSet<>();
        boolean approximate = false;
        for (JsonNode condition : criteria.path("conditions")) {
            if (!condition.path("field").asText().equals("priority")) {
                approximate = true;
                continue;
            }
            String priority = condition.path("expectedValue").asText().toUpperCase(Locale.ROOT);
            boolean not = condition.path("not").asBoolean(false);
            urgencies.add(HIGH.contains(priority) != not ? "high" : "low");
        }
        if (approximate || urgencies.isEmpty()) {
            mapping.report.unmapped("notification rule", user + ": " + rule, "criteria " + criteria,
                    "Tocsin rules are chosen by urgency only", "priority conditions map to urgency (P1/P2 high, P3-P5 low); others are ignored");
        }
        return urgencies.isEmpty() ? new TreeSet<>(List.of("high", "low")) : urgencies;
    }
}
