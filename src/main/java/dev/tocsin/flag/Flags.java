package dev.tocsin.flag;

import dev.tocsin.incident.Incident;
import dev.tocsin.incident.IncidentStore;
import dev.tocsin.incident.TimelineEntry;
import dev.tocsin.refusal.Refusal;
import dev.tocsin.store.Database;
import dev.tocsin.trace.Actor;
import dev.tocsin.trace.Channel;
import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Flags for the next handover (table {@code incident_flags}, V27): flagging writes the flag and its timeline line
 * in one transaction; the open ones are listed for the handover report. Who may flag is checked in {@code respond}.
 */
public final class Flags {
    /** The longest note, in characters. */
    public static final int MAX_NOTE_LENGTH = 2_000;
    /** The most flags one listing returns. */
    public static final int MAX_LIST = 500;

    private final Database database;
    private final IncidentStore incidents;

    public Flags(Database database, IncidentStore incidents) {
        this.database = database;
        this.incidents = incidents;
    }

    public Flag flag(long incidentId, String note, Actor actor, Channel channel, Instant at) {
        return database.writeAndWait(handle -> {
            Incident incident = incidents.findIncident(handle, incidentId)
                    .orElseThrow(() -> Refusal.notFound("incident #" + incidentId));
            long id = handle.createQuery("""
                            INSERT INTO incident_flags (incident_id, note, flagged_by, flagged_at)
                            VALUES (:incident, :note, :by, :at) RETURNING id""")
                    .bind("incident", incidentId).bind("note", note).bind("by", actor.toString()).bind("at", at.toEpochMilli())
                    .mapTo(Long.class).one();
            incidents.insertTimeline(handle, TimelineEntry.of(incidentId, at, "flagged", actor, channel,
                    "Flagged for handover by " + actor.id() + " via " + channel.wireName() + ": " + note,
                    com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("flag_id", id)));
            return new Flag(id, incidentId, incident.title(), incident.status().wireName(), note, actor.toString(), at,
                    null, null);
        });
    }

    /** Clears an open flag (it was talked about at the handover); a cleared one stays cleared. */
    public Flag clear(long flagId, Actor actor, Channel channel, Instant at) {
        return database.writeAndWait(handle -> {
            Flag flag = find(handle, flagId);
            if (!flag.open()) return flag;
            handle.createUpdate("UPDATE incident_flags SET cleared_at = :at, cleared_by = :by WHERE id = :id")
                    .bind("id", flagId).bind("at", at.toEpochMilli()).bind("by", actor.toString()).execute();
            incidents.insertTimeline(handle, TimelineEntry.of(flag.incidentId(), at, "flag_cleared", actor, channel,
                    "Handover flag cleared by " + actor.id() + " via " + channel.wireName() + ": " + flag.note(), null));
            return find(handle, flagId);
        });
    }

    /** Flags, newest first: only open ones, only cleared ones, or all ({@code open} null); of one incident or all. */
    public List<Flag> list(Boolean open, Long incidentId) {
        String where = (open == null ? "" : open ? " AND f.cleared_at IS NULL" : " AND f.cleared_at IS NOT NULL")
                + (incidentId == null ? "" : " AND f.incident_id = :incident");
        return database.jdbi().withHandle(handle -> {
            var query = handle.createQuery(SELECT + " WHERE 1 = 1" + where + " ORDER BY f.flagged_at DESC, f.id DESC LIMIT "
                    + MAX_LIST);
            if (incidentId != null) query.bind("incident", incidentId);
            return query.map((rs, ctx) -> read(rs)).list();
        });
    }

    private static final String SELECT = """
            SELECT f.*, i.title AS incident_title, i.status AS incident_status
            FROM incident_flags f JOIN incidents i ON i.id = f.incident_id""";

    private static Flag find(Handle handle, long flagId) {
        return handle.createQuery(SELECT + " WHERE f.id = :id").bind("id", flagId).map((rs, ctx) -> read(rs)).findOne()
                .orElseThrow(() -> Refusal.notFound("flag " + flagId));
    }

    private static Flag read(ResultSet rs) throws SQLException {
        long cleared = rs.getLong("cleared_at");
        Instant clearedAt = rs.wasNull() ? null : Instant.ofEpochMilli(cleared);
        return new Flag(rs.getLong("id"), rs.getLong("incident_id"), rs.getString("incident_title"),
                rs.getString("incident_status"), rs.getString("note"), rs.getString("flagged_by"),
                Instant.ofEpochMilli(rs.getLong("flagged_at")), clearedAt, rs.getString("cleared_by"));
    }
}
