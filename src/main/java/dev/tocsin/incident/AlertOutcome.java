package dev.tocsin.incident;

/** What applying one {@link AlertEvent} did. */
public record AlertOutcome(Result result, String dedupKey, Long alertId, Long incidentId) {
    public enum Result {
        /** A new alert, and with it a new incident. */
        CREATED,
        /** A trigger for an alert that is already open: counted on that alert, nothing new opened. */
        DEDUPLICATED,
        /** The alert's incident was acknowledged. */
        ACKNOWLEDGED,
        /** The alert was resolved (and its incident, if it was the last open alert). */
        RESOLVED,
        /** Acknowledge or resolve with no open alert for the key: accepted and dropped. */
        DROPPED,
        /** A new alert that joined an open incident of its group (automatic grouping): nobody paged again. */
        GROUPED,
        /** A rule suppressed the alert: recorded with the service's suppressed alerts, no incident, nobody paged. */
        SUPPRESSED,
        /** A rule dropped the event: not stored, counted in {@code tocsin.events.dropped}. */
        DROPPED_BY_RULE
    }
}
