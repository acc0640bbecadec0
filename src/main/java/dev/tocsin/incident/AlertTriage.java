package dev.tocsin.incident;

import dev.tocsin.urgency.Urgency;

import java.time.Duration;
import java.util.List;

/**
 * What event rules and the service's triage settings decided about one trigger, before intake applies it: each
 * decision carries who made it ({@code by}: {@code rule 'cert-far'}, {@code service grouping}, …) so the incident's
 * timeline can say so. {@link #NONE} changes nothing: one alert, one incident, urgency from the severity.
 *
 * @param matchedRules names of the rules that matched, in evaluation order
 * @param suppressedBy the rule that suppressed the alert (recorded, no incident, nobody paged), or null
 * @param droppedBy    the rule that dropped the event (counted in metrics only), or null
 * @param groupWindow  how long after an incident opened alerts with its group key still join it
 */
public record AlertTriage(List<String> matchedRules, Decision<Urgency> urgency, Decision<String> priority,
                     String suppressedBy, String droppedBy, Decision<String> routeTo, List<Decision<String>> notes,
                     Decision<String> groupKey, Duration groupWindow, Decision<String> runbook) {
    public static final AlertTriage NONE = new AlertTriage(List.of(), null, null, null, null, null, List.of(), null, null, null);

    public AlertTriage {
        matchedRules = List.copyOf(matchedRules);
        notes = List.copyOf(notes);
    }

    /** One decision and who made it. */
    public record Decision<T>(T value, String by) {
    }

    /** The service the alert opens its incident on: the routed one, or the integration's. */
    public String serviceOr(String integrationService) {
        return routeTo == null ? integrationService : routeTo.value();
    }
}
