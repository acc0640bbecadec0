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
        DROPPED
    }
}
