package dev.tocsin.rules;

import dev.tocsin.urgency.Urgency;

/**
 * What a matching rule does; null (false) fields leave the event alone.
 *
 * @param priority  a label shown with the incident, e.g. {@code P1}
 * @param suppress  record the alert, open no incident, page nobody
 * @param routeTo   open the incident on this service instead of the integration's
 * @param note      a note added to the incident's timeline
 * @param groupBy   the grouping key (overrides the service's {@code grouping.key})
 * @param drop      discard the event; only the {@code tocsin.events.dropped} metric counts it
 * @param runbook   a runbook URL or text shown with the incident and in pages
 */
public record Then(Urgency urgency, String priority, boolean suppress, String routeTo, String note, Template groupBy,
                   boolean drop, String runbook) {
    public boolean isEmpty() {
        return urgency == null && priority == null && !suppress && routeTo == null && note == null && groupBy == null
                && !drop && runbook == null;
    }
}
