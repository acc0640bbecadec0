package dev.tocsin.override;

import dev.tocsin.schedule.Override;
import dev.tocsin.store.Generations;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** SQL for the {@code overrides} table. Every method works inside the caller's handle (and so its transaction). */
public final class OverrideStore implements dev.tocsin.oncall.StoredOverrides {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new short random id with a prefix naming what it is ({@code ov_}, {@code cr_}, {@code sw_}). */
    public static String newId(String prefix) {
        byte[] bytes = new byte[5];
        RANDOM.nextBytes(bytes);
        return prefix + HexFormat.of().formatHex(bytes);
    }

    /**
     * The {@link Generations} row every override write bumps in its transaction, so other nodes drop their
     * cached {@code OnCall}s (see {@code OnCallService.refresh()}).
     */
    public static final String GENERATION = "overrides";

    public void insert(Handle handle, Override override, String reason, String origin, String originId) {
        Generations.bump(handle, GENERATION);
        handle.createUpdate("""
                        INSERT INTO overrides (id, schedule_id, user_id, replacing, start_at, end_at, created_by,
                                               created_at, reason, origin, origin_id)
                        VALUES (:id, :schedule, :user, :replacing, :start, :end, :createdBy, :createdAt, :reason,
                                :origin, :originId)""")
                .bind("id", override.id()).bind("schedule", override.scheduleId()).bind("user", override.userId())
                .bind("replacing", override.replacing()).bind("start", override.start().toEpochMilli())
                .bind("end", override.end().toEpochMilli()).bind("createdBy", override.createdBy())
                .bind("createdAt", override.createdAt().toEpochMilli()).bind("reason", reason)
                .bind("origin", origin).bind("originId", originId)
                .execute();
    }

    /** Marks an override removed; false if it does not exist or was removed already. */
    public boolean remove(Handle handle, String id, String removedBy, Instant at) {
        boolean removed = handle.createUpdate("""
                        UPDATE overrides SET removed_at = :at, removed_by = :by WHERE id = :id AND removed_at IS NULL""")
                .bind("id", id).bind("by", removedBy).bind("at", at.toEpochMilli()).execute() == 1;
        if (removed) Generations.bump(handle, GENERATION);
        return removed;
    }

    public Optional<OverrideEntry> find(Handle handle, String id) {
        return handle.createQuery("SELECT * FROM overrides WHERE id = :id").bind("id", id)
                .map(OverrideStore::entry).findOne();
    }

    @java.lang.Override
    public long generation(Handle handle) {
        return Generations.read(handle, GENERATION);
    }

    @java.lang.Override
    public List<Override> inForce(Handle handle, String scheduleId, Instant from, Instant to) {
        return overlapping(handle, scheduleId, from, to, false).stream().map(OverrideEntry::override).toList();
    }

    /** The overrides in force for a schedule (not removed), by start. */
    @java.lang.Override
    public List<Override> active(Handle handle, String scheduleId) {
        return handle.createQuery("""
                        SELECT * FROM overrides WHERE schedule_id = :schedule AND removed_at IS NULL
                        ORDER BY start_at, created_at, id""")
                .bind("schedule", scheduleId).map((rs, ctx) -> entry(rs, ctx).override()).list();
    }

    /** Overrides of a schedule overlapping [from, to), by start; removed ones only if asked for. */
    public List<OverrideEntry> overlapping(Handle handle, String scheduleId, Instant from, Instant to,
                                           boolean includeRemoved) {
        return handle.createQuery("""
                        SELECT * FROM overrides WHERE schedule_id = :schedule AND end_at > :from AND start_at < :to
                        """ + (includeRemoved ? "" : " AND removed_at IS NULL ") + " ORDER BY start_at, created_at, id")
                .bind("schedule", scheduleId).bind("from", from.toEpochMilli()).bind("to", to.toEpochMilli())
                .map(OverrideStore::entry).list();
    }

    static OverrideEntry entry(ResultSet rs, StatementContext ctx) throws SQLException {
        Override override = new Override(rs.getString("id"), rs.getString("schedule_id"), rs.getString("user_id"),
                rs.getString("replacing"), Instant.ofEpochMilli(rs.getLong("start_at")),
                Instant.ofEpochMilli(rs.getLong("end_at")), rs.getString("created_by"),
                Instant.ofEpochMilli(rs.getLong("created_at")));
        long removed = rs.getLong("removed_at");
        Instant removedAt = rs.wasNull() ? null : Instant.ofEpochMilli(removed);
        return new OverrideEntry(override, rs.getString("reason"), rs.getString("origin"), rs.getString("origin_id"),
                removedAt, rs.getString("removed_by"));
    }
}
