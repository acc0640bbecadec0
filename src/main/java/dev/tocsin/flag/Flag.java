package dev.tocsin.flag;

import java.time.Instant;

/**
 * An incident flagged for the next handover ("needs another set of eyes; discuss at the handover meeting"), with
 * the note that says why. Open until cleared.
 */
public record Flag(long id, long incidentId, String incidentTitle, String incidentStatus, String note, String flaggedBy,
                   Instant flaggedAt, Instant clearedAt, String clearedBy) {
    public boolean open() {
        return clearedAt == null;
    }
}
