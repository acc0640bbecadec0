package dev.tocsin.migrate.opsgenie;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Opsgenie escalations → Tocsin escalation policies. Opsgenie's rule delays count from the alert's creation;
 * Tocsin's {@code escalate_after} is the wait on a level, so rules with the same delay form one level and a
 * level waits the difference to the next delay. The last level waits the repeat's {@code waitInterval}.
 */
final class EscalationImport {
    /** Tocsin's bound on {@code repeat}. */
    static final int MAX_REPEAT = 20;

    private final Mapping mapping;

    EscalationImport(Mapping mapping) {
        this.mapping = mapping;
    }

    /** The policy, or null when no rule has a target Tocsin can page. */
    Map<String, Object> map(JsonNode escalation) {
        String name = escalation.path("name").asText();
        TreeMap<Long, List<String>> byDelay = new TreeMap<>();
        TreeMap<Long, Boolean> roundRobin = new TreeMap<>();
        List<JsonNode> rules = new ArrayList<>();
        escalation.path("rules").forEach(rules::add);
        rules.sort(Comparator.comparingLong(rule -> Durations.minutes(rule.path("delay"))));
        for (JsonNode rule : rules) {
            long delay = Durations.minutes(rule.path("delay"));
            String target = target(name, rule);
            if (target == null) continue;
            List<String> targets = byDelay.computeIfAbsent(delay, key -> new ArrayList<>());
            if (!targets.contains(target)) targets.add(target);
            if (rule.path("notifyType").asText().matches("random|round-robin")) roundRobin.put(delay, true);
        }
        if (byDelay.isEmpty()) {
            mapping.report.mapped("escalation", name, "not imported (no rule with a target Tocsin can page)");
            return null;
        }
        String id = mapping.policyIds.of(name);
        mapping.policies.put(escalation.path("id").asText(), id);
        JsonNode repeat = escalation.path("repeat");
        int count = repeat.path("count").asInt(0);
        long wait = repeat.path("waitInterval").asLong(0);
        if (byDelay.firstKey() > 0) {
            mapping.report.unmapped("escalation", name, "first rule after " + byDelay.firstKey() + "m",
                    "Tocsin pages the first level at once", "the first level is paged at once");
        }
        List<Map<String, Object>> levels = new ArrayList<>();
        List<Long> delays = new ArrayList<>(byDelay.keySet());
        for (int i = 0; i < delays.size(); i++) {
            Map<String, Object> level = new LinkedHashMap<>();
            level.put("notify", byDelay.get(delays.get(i)));
            long after = i + 1 < delays.size() ? delays.get(i + 1) - delays.get(i) : (count > 0 ? Math.max(1, wait) : 0);
            if (after > 0) level.put("escalate_after", Durations.text(after));
            if (roundRobin.containsKey(delays.get(i))) level.put("assign", "round_robin");
            levels.add(level);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("name", name);
        out.put("levels", levels);
        if (count > 0) out.put("repeat", Math.min(count, MAX_REPEAT));
        if (count > MAX_REPEAT) {
            mapping.report.unmapped("escalation", name, "repeat " + count + " times", "Tocsin repeats a policy at most " + MAX_REPEAT + " times", "repeat: " + MAX_REPEAT);
        }
        if (repeat.path("resetRecipientStates").asBoolean(false)) {
            mapping.report.unmapped("escalation", name, "resetRecipientStates", "Tocsin keeps notification state across repeats", "none");
        }
        if (repeat.path("closeAlertAfterAll").asBoolean(false)) {
            mapping.report.unmapped("escalation", name, "closeAlertAfterAll", "Tocsin never closes an incident by itself", "none; the incident stays open");
        }
        if (escalation.path("ownerTeam").has("id")) {
            String team = mapping.team(escalation.path("ownerTeam").path("id").asText());
            if (team != null) mapping.policyOfTeam.putIfAbsent(team, id);
        }
        mapping.report.mapped("escalation", name, "escalation policy " + id + " (" + levels.size() + " levels)");
        return out;
    }

    private String target(String escalation, JsonNode rule) {
        JsonNode recipient = rule.path("recipient");
        String type = recipient.path("type").asText();
        String notifyType = rule.path("notifyType").asText("default");
        String source = escalation + ": rule after " + Durations.minutes(rule.path("delay")) + "m to " + type + " "
                + recipient.path("name").asText(recipient.path("username").asText(recipient.path("id").asText()));
        if (rule.path("condition").asText("if-not-acked").equals("if-not-closed")) {
            mapping.report.unmapped("escalation rule", source, "condition if-not-closed",
                    "Tocsin escalates until someone acknowledges", "if-not-acked");
        }
        String target = switch (type) {
            case "user" -> prefixed("user:", mapping.user(recipient.path("id").asText()), mapping.user(recipient.path("username").asText()));
            case "schedule" -> prefixed("schedule:", mapping.schedules.get(recipient.path("id").asText()), null);
            case "team" -> prefixed("team:", mapping.team(recipient.path("id").asText()), mapping.team(recipient.path("name").asText()));
            default -> null;
        };
        if (target == null) {
            mapping.report.unmapped("escalation rule", source, "recipient " + type, "no Tocsin object it maps to", "left out");
            return null;
        }
        switch (notifyType) {
            case "default", "all", "users" -> { }
            case "next", "previous" -> mapping.report.unmapped("escalation rule", source, "notifyType " + notifyType,
                    "Tocsin pages who is on call now, not the next or previous person", "the schedule's current on-call");
            case "admins" -> mapping.report.unmapped("escalation rule", source, "notifyType admins",
                    "Tocsin pages a team's members, not only its managers", "all the team's members");
            case "random", "round-robin" -> mapping.report.unmapped("escalation rule", source, "notifyType " + notifyType,
                    "Tocsin's round robin takes turns per incident over the level's targets", "assign: round_robin");
            default -> mapping.report.unmapped("escalation rule", source, "notifyType " + notifyType, "unknown", "default");
        }
        mapping.report.mapped("escalation rule", source, target);
        return target;
    }

    private static String prefixed(String prefix, String id, String fallback) {
        String chosen = id != null ? id : fallback;
        return chosen == null ? null : prefix + chosen;
    }
}
