package dev.tocsin.incident;

import dev.tocsin.store.Database;

import java.util.Optional;

/**
 * Finds one alert for senders that name an alert instead of sending an event for a dedup key: Opsgenie's
 * acknowledge, close and notes take an alert id, or an alias whose alert may already be closed (notes).
 * Read-only; what is then done to the alert goes through the intake or the responder actions.
 */
public final class AlertLookup {
    private final Database database;

    public AlertLookup(Database database) {
        this.database = database;
    }

    public Optional<Alert> byId(long alertId) {
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT * FROM alerts WHERE id = :id")
                .bind("id", alertId).map((rs, ctx) -> Rows.alert(rs)).findOne());
    }

    /** The open alert with this dedup key on this integration, else the newest closed one. */
    public Optional<Alert> latest(String integrationKey, String dedupKey) {
        return database.jdbi().withHandle(handle -> handle.createQuery("""
                        SELECT * FROM alerts WHERE integration_key = :key AND dedup_key = :dedup
                        ORDER BY CASE WHEN status = 'open' THEN 0 ELSE 1 END, id DESC""")
                .bind("key", integrationKey).bind("dedup", dedupKey)
                .setMaxRows(1).map((rs, ctx) -> Rows.alert(rs)).findFirst());
    }
}
