package dev.tocsin.delivery;

import dev.tocsin.store.Database;

import java.time.Instant;
import java.util.Optional;

/**
 * The latest delivery status each provider reported for a message or call ({@code provider_messages}), keyed by
 * the provider's id from {@link SendResult.Sent}. Written by status callbacks; read by delivery tracking.
 */
public final class DeliveryStatuses {
    /** One reported status. */
    public record Status(String provider, String providerId, String status, String errorCode, Instant updatedAt) {
    }

    /** Told about each report inside the transaction that stores it (the paging engine updates its notification). */
    @FunctionalInterface
    public interface Listener {
        Listener NONE = (handle, status) -> {
        };

        void reported(org.jdbi.v3.core.Handle handle, Status status);
    }

    private final Database database;
    private final Listener listener;

    public DeliveryStatuses(Database database) {
        this(database, Listener.NONE);
    }

    public DeliveryStatuses(Database database, Listener listener) {
        this.database = database;
        this.listener = listener;
    }

    /** Records the status, replacing the previous one for the same message; returns once it is stored. */
    public void record(Status status) {
        database.writeAndWait(handle -> {
            handle.createUpdate("""
                        INSERT INTO provider_messages (provider, provider_id, status, error_code, updated_at)
                        VALUES (:provider, :id, :status, :error, :at)
                        ON CONFLICT (provider, provider_id) DO UPDATE
                        SET status = excluded.status, error_code = excluded.error_code, updated_at = excluded.updated_at""")
                .bind("provider", status.provider()).bind("id", status.providerId()).bind("status", status.status())
                .bind("error", status.errorCode()).bind("at", status.updatedAt().toEpochMilli())
                .execute();
            listener.reported(handle, status);
            return null;
        });
    }

    public Optional<Status> find(String provider, String providerId) {
        return database.jdbi().withHandle(handle -> handle.createQuery("""
                        SELECT provider, provider_id, status, error_code, updated_at FROM provider_messages
                        WHERE provider = :provider AND provider_id = :id""")
                .bind("provider", provider).bind("id", providerId)
                .map((rs, ctx) -> new Status(rs.getString("provider"), rs.getString("provider_id"),
                        rs.getString("status"), rs.getString("error_code"),
                        Instant.ofEpochMilli(rs.getLong("updated_at"))))
                .findOne());
    }
}
