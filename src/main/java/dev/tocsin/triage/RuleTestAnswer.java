package dev.tocsin.triage;

import dev.tocsin.incident.AlertTriage;
import dev.tocsin.rules.RuleBook;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The rule tester's answer as JSON-ready maps, shared by the API and the web page. */
public final class RuleTestAnswer {
    private RuleTestAnswer() {
    }

    public static Map<String, Object> of(List<RuleTester.Outcome> outcomes) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("events", outcomes.stream().map(RuleTestAnswer::event).toList());
        return answer;
    }

    public static Map<String, Object> event(RuleTester.Outcome outcome) {
        AlertTriage triage = outcome.verdict().triage();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("dedup_key", outcome.event().dedupKey());
        out.put("action", outcome.event().action().wireName());
        out.put("summary", outcome.event().summary());
        out.put("severity", outcome.event().severity().wireName());
        out.put("matched", outcome.verdict().matches().stream().map(RuleTestAnswer::match).toList());
        out.put("result", outcome.result());
        out.put("service", triage.serviceOr(outcome.integrationService()));
        if (triage.routeTo() != null) out.put("routed_by", triage.routeTo().by());
        out.put("urgency", triage.urgency() != null ? triage.urgency().value().wireName()
                : outcome.event().severity().defaultUrgency().wireName());
        out.put("urgency_by", triage.urgency() != null ? triage.urgency().by() : "severity " + outcome.event().severity().wireName());
        put(out, "priority", triage.priority());
        if (triage.suppressedBy() != null) out.put("suppressed_by", triage.suppressedBy());
        if (triage.droppedBy() != null) out.put("dropped_by", triage.droppedBy());
        put(out, "group_key", triage.groupKey());
        if (triage.groupWindow() != null) out.put("group_window", dev.tocsin.time.Durations.format(triage.groupWindow()));
        put(out, "runbook", triage.runbook());
        out.put("notes", triage.notes().stream().map(note -> Map.of("note", note.value(), "by", note.by())).toList());
        return out;
    }

    private static Map<String, Object> match(RuleBook.Match match) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rule", match.rule().name());
        out.put("scope", match.service() == null ? "top level" : "service " + match.service());
        out.put("continue", match.rule().continueMatching());
        return out;
    }

    private static void put(Map<String, Object> out, String name, AlertTriage.Decision<String> decision) {
        if (decision == null) return;
        out.put(name, decision.value());
        out.put(name + "_by", decision.by());
    }
}
