package dev.tocsin.service;

import java.util.List;

/**
 * Something that can break and has an owner: alerts arrive through its integrations, and its incidents are
 * escalated through its escalation policy.
 *
 * @param description free text, or null
 * @param team        owning team id, or null
 * @param ackTimeout  an acknowledged incident not resolved within this triggers again and pages again; null = never
 * @param supportHours its own support hours, or null to take its team's (if any)
 * @param outsideSupportHours what a low-urgency incident does outside support hours: {@code LOW} waits for them
 *                    (held, notified when they start), {@code HIGH} pages at once as high urgency
 * @param rules       event rules tried before the top-level ones (see {@code docs/triage.md})
 * @param grouping    automatic grouping of its alerts into incidents, or null (one alert, one incident)
 * @param runbook     a runbook URL or text shown with its incidents when neither the alert nor a rule names one
 */
public record Service(String id, String name, String description, String team, String escalationPolicy,
                      java.time.Duration ackTimeout, List<Integration> integrations,
                      dev.tocsin.urgency.SupportHours supportHours, dev.tocsin.urgency.Urgency outsideSupportHours,
                      List<dev.tocsin.rules.Rule> rules, dev.tocsin.rules.Grouping grouping, String runbook) {
    /** By default a low-urgency incident outside support hours waits for them. */
    public static final dev.tocsin.urgency.Urgency DEFAULT_OUTSIDE_SUPPORT_HOURS = dev.tocsin.urgency.Urgency.LOW;

    /** Shorter acknowledgement timeouts would re-page people still working on the incident. */
    public static final java.time.Duration MIN_ACK_TIMEOUT = java.time.Duration.ofMinutes(1);

    public Service {
        integrations = List.copyOf(integrations);
        if (outsideSupportHours == null) outsideSupportHours = DEFAULT_OUTSIDE_SUPPORT_HOURS;
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    /** A service without support hours of its own. */
    public Service(String id, String name, String description, String team, String escalationPolicy,
                   java.time.Duration ackTimeout, List<Integration> integrations,
                   List<dev.tocsin.rules.Rule> rules, dev.tocsin.rules.Grouping grouping, String runbook) {
        this(id, name, description, team, escalationPolicy, ackTimeout, integrations, null, null, rules, grouping, runbook);
    }

    /** A service without triage settings (rules, grouping, runbook). */
    public Service(String id, String name, String description, String team, String escalationPolicy,
                   java.time.Duration ackTimeout, List<Integration> integrations,
                   dev.tocsin.urgency.SupportHours supportHours, dev.tocsin.urgency.Urgency outsideSupportHours) {
        this(id, name, description, team, escalationPolicy, ackTimeout, integrations, supportHours, outsideSupportHours,
                List.of(), null, null);
    }
}
