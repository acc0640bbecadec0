package dev.tocsin.report;

import dev.tocsin.store.Database;
import org.jdbi.v3.core.Handle;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What an incident's alert did before: how often the same alert (its integration and dedup key) fired in the last 7
 * and 30 days, how often it went away by itself and how fast, how often it was acknowledged without a word, and the
 * last resolution notes written for it ("what fixed it last time").
 */
public final class AlertHistory {
    /** How many resolution notes an incident shows. */
    public static final int NOTES_SHOWN = 3;

    /**
     * @param firedWeek       alerts of the same key created in the last 7 days (this one included)
     * @param firedMonth      the same in the last 30 days
     * @param resolvedItself  incidents of the key in the last 7 days that its source resolved
     * @param typicalDuration how long those stayed open, the median (null when none did)
     * @param silentAcks      incidents of the key in the last 7 days acknowledged without any note
     */
    public record Stats(int firedWeek, int firedMonth, int resolvedItself, Duration typicalDuration, int silentAcks) {
        /** "fired 14 times in 7 days (31 in 30 days), resolved itself 12 times, typically within 3 minutes". */
        public String sentence() {
            StringBuilder text = new StringBuilder("Fired ").append(times(firedWeek)).append(" in 7 days");
            if (firedMonth > firedWeek) text.append(" (").append(firedMonth).append(" in 30 days)");
            if (resolvedItself > 0) {
                text.append(", resolved itself ").append(times(resolvedItself));
                if (typicalDuration != null) text.append(", typically within ").append(words(typicalDuration));
            }
            if (silentAcks > 0) text.append(", acknowledged without a note ").append(times(silentAcks));
            return text.append('.').toString();
        }

        public boolean recurring() {
            return firedMonth > 1;
        }
    }

    /** A note written when an incident of the same alert was resolved. */
    public record ResolutionNote(long incidentId, String note, String author, Instant writtenAt) {
    }

    public record History(Stats stats, List<ResolutionNote> lastResolutions) {
    }

    private static final String KEYS = "(SELECT DISTINCT integration_key, dedup_key FROM alerts WHERE incident_id = :incident)";

    private final Database database;

    public AlertHistory(Database database) {
        this.database = database;
    }

    /** The history of the alerts of incident {@code incidentId}, as of {@code now}. */
    public History of(long incidentId, Instant now) {
        return database.jdbi().withHandle(handle -> new History(stats(handle, incidentId, now), notes(handle, incidentId)));
    }

    private static Stats stats(Handle handle, long incidentId, Instant now) {
        long week = now.minus(Duration.ofDays(7)).toEpochMilli();
        long month = now.minus(Duration.ofDays(30)).toEpochMilli();
        int firedWeek = fired(handle, incidentId, week);
        int firedMonth = fired(handle, incidentId, month);
        String incidentsOfKey = """
                SELECT a.incident_id FROM alerts a JOIN %s k ON a.integration_key = k.integration_key AND a.dedup_key = k.dedup_key
                WHERE a.created_at >= :since""".formatted(KEYS);
        List<Long> durations = handle.createQuery("SELECT resolved_at - created_at FROM incidents WHERE status = 'resolved' "
                        + "AND resolved_by LIKE 'integration:%' AND id IN (" + incidentsOfKey + ") ORDER BY 1 LIMIT 10000")
                .bind("incident", incidentId).bind("since", week).mapTo(Long.class).list();
        Duration typical = durations.isEmpty() ? null : Duration.ofMillis(durations.get(durations.size() / 2));
        int silent = handle.createQuery("SELECT COUNT(*) FROM incidents i WHERE i.acknowledged_at IS NOT NULL AND i.id IN ("
                        + incidentsOfKey + ") AND NOT EXISTS (SELECT 1 FROM timeline t WHERE t.incident_id = i.id "
                        + "AND t.kind IN ('note', 'resolution'))")
                .bind("incident", incidentId).bind("since", week).mapTo(Integer.class).one();
        return new Stats(firedWeek, firedMonth, durations.size(), typical, silent);
    }

    private static int fired(Handle handle, long incidentId, long since) {
        return handle.createQuery("""
                        SELECT COUNT(*) FROM alerts a JOIN %s k ON a.integration_key = k.integration_key AND a.dedup_key = k.dedup_key
                        WHERE a.created_at >= :since""".formatted(KEYS))
                .bind("incident", incidentId).bind("since", since).mapTo(Integer.class).one();
    }

    /** The latest resolution notes of other incidents of the same alerts, newest first. */
    private static List<ResolutionNote> notes(Handle handle, long incidentId) {
        List<ResolutionNote> notes = new ArrayList<>();
        handle.createQuery("""
                        SELECT r.incident_id, r.note, r.author, r.written_at FROM resolution_notes r
                        JOIN %s k ON r.integration_key = k.integration_key AND r.dedup_key = k.dedup_key
                        WHERE r.incident_id <> :incident ORDER BY r.written_at DESC, r.id DESC LIMIT 20""".formatted(KEYS))
                .bind("incident", incidentId)
                .map((rs, ctx) -> new ResolutionNote(rs.getLong(1), rs.getString(2), rs.getString(3), Instant.ofEpochMilli(rs.getLong(4))))
                .forEach(note -> {
                    // One incident with several alerts of the key wrote the same note once per key: show it once.
                    boolean seen = notes.stream().anyMatch(n -> n.incidentId() == note.incidentId() && n.note().equals(note.note()));
                    if (!seen && notes.size() < NOTES_SHOWN) notes.add(note);
                });
        return notes;
    }

    static String times(int count) {
        return count == 1 ? "once" : count + " times";
    }

    /** "3 minutes", "45 seconds", "2 hours". */
    static String words(Duration duration) {
        long seconds = Math.max(1, duration.toSeconds());
        if (seconds < 90) return seconds + " seconds";
        long minutes = Math.round(seconds / 60.0);
        if (minutes < 90) return minutes + " minutes";
        long hours = Math.round(minutes / 60.0);
        if (hours < 48) return hours + " hours";
        return Math.round(hours / 24.0) + " days";
    }
}
