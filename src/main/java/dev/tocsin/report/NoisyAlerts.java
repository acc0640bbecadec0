package dev.tocsin.report;

import dev.tocsin.config.Organisation;
import dev.tocsin.refusal.Refusal;
import dev.tocsin.store.Database;
import dev.tocsin.user.User;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The noisy-alerts report: which alerts (integration and dedup key) paged people most in the last days, and how much
 * of it outside the working hours of the person paged; with how often each fired, how often it went away by itself,
 * the latest resolution notes and the open follow-up, if any. Candidates for a ticket, a better threshold or a rule.
 *
 * <p>A page is a notification sent (or carried in a bundle) for an incident the alert belonged to; verification codes and
 * test pages are not pages. A person without {@code working_hours} has no "outside" pages.
 */
public final class NoisyAlerts {
    public static final int MAX_DAYS = 90;
    public static final int DEFAULT_LIMIT = 20;

    /** One alert of the report. {@code latestIncident} is the newest incident it opened or joined. */
    public record Row(String serviceId, String serviceName, String dedupKey, String summary, int fired, int pages,
                      int pagesOutsideWorkingHours, int resolvedItself, long latestIncident,
                      List<AlertHistory.ResolutionNote> resolutionNotes, Long openFollowUp) {
    }

    public record Report(int days, Instant from, Instant to, List<Row> alerts) {
    }

    private record Key(String integrationKey, String dedupKey) {
    }

    private static final class Tally {
        String serviceId;
        int fired;
        long latestAlert;
        long latestIncident;
        int pages;
        int outside;
        int resolvedItself;
    }

    private final Database database;
    private final Supplier<Organisation> organisation;

    public NoisyAlerts(Database database, Supplier<Organisation> organisation) {
        this.database = database;
        this.organisation = organisation;
    }

    public Report report(int days, int limit, Instant now) {
        if (days < 1 || days > MAX_DAYS) throw Refusal.invalid("days: between 1 and " + MAX_DAYS);
        if (limit < 1 || limit > 200) throw Refusal.invalid("limit: between 1 and 200");
        Instant from = now.minus(Duration.ofDays(days));
        long since = from.toEpochMilli();
        Organisation org = organisation.get();
        Map<Key, Tally> tallies = new HashMap<>();
        return database.jdbi().withHandle(handle -> {
            handle.createQuery("""
                            SELECT integration_key, dedup_key, MIN(service_id) AS service_id, COUNT(*) AS fired, MAX(id) AS latest,
                                   MAX(incident_id) AS incident FROM alerts WHERE created_at >= :since GROUP BY integration_key, dedup_key""")
                    .bind("since", since)
                    .map((rs, ctx) -> {
                        Tally tally = new Tally();
                        tally.serviceId = rs.getString("service_id");
                        tally.fired = rs.getInt("fired");
                        tally.latestAlert = rs.getLong("latest");
                        tally.latestIncident = rs.getLong("incident");
                        tallies.put(new Key(rs.getString("integration_key"), rs.getString("dedup_key")), tally);
                        return tally;
                    }).list();
            handle.createQuery("""
                            SELECT a.integration_key, a.dedup_key, n.user_id, n.created_at FROM notifications n
                            JOIN alerts a ON a.incident_id = n.incident_id
                            WHERE n.created_at >= :since AND a.created_at >= :since AND n.incident_id IS NOT NULL
                              AND (n.status <> 'cancelled' OR n.bundled_into IS NOT NULL)""")
                    .bind("since", since)
                    .map((rs, ctx) -> {
                        Tally tally = tallies.get(new Key(rs.getString(1), rs.getString(2)));
                        if (tally != null) {
                            tally.pages++;
                            if (outsideWorkingHours(org.user(rs.getString(3)), Instant.ofEpochMilli(rs.getLong(4)))) tally.outside++;
                        }
                        return rs.getString(3);
                    }).list();
            handle.createQuery("""
                            SELECT a.integration_key, a.dedup_key, COUNT(DISTINCT i.id) FROM alerts a JOIN incidents i ON i.id = a.incident_id
                            WHERE a.created_at >= :since AND i.status = 'resolved' AND i.resolved_by LIKE 'integration:%'
                            GROUP BY a.integration_key, a.dedup_key""")
                    .bind("since", since)
                    .map((rs, ctx) -> {
                        Tally tally = tallies.get(new Key(rs.getString(1), rs.getString(2)));
                        if (tally != null) tally.resolvedItself = rs.getInt(3);
                        return 0;
                    }).list();
            List<Map.Entry<Key, Tally>> top = tallies.entrySet().stream()
                    .sorted(Comparator.<Map.Entry<Key, Tally>>comparingInt(e -> e.getValue().pages).reversed()
                            .thenComparing(Comparator.<Map.Entry<Key, Tally>>comparingInt(e -> e.getValue().outside).reversed())
                            .thenComparing(Comparator.<Map.Entry<Key, Tally>>comparingInt(e -> e.getValue().fired).reversed())
                            .thenComparing(e -> e.getValue().latestAlert, Comparator.reverseOrder()))
                    .limit(limit).toList();
            List<Row> rows = new ArrayList<>();
            for (Map.Entry<Key, Tally> entry : top) {
                Tally tally = entry.getValue();
                String summary = handle.createQuery("SELECT summary FROM alerts WHERE id = :id").bind("id", tally.latestAlert)
                        .mapTo(String.class).one();
                List<AlertHistory.ResolutionNote> notes = handle.createQuery("""
                                SELECT incident_id, note, author, written_at FROM resolution_notes
                                WHERE integration_key = :integration AND dedup_key = :dedup ORDER BY written_at DESC, id DESC LIMIT 3""")
                        .bind("integration", entry.getKey().integrationKey()).bind("dedup", entry.getKey().dedupKey())
                        .map((rs, ctx) -> new AlertHistory.ResolutionNote(rs.getLong(1), rs.getString(2), rs.getString(3),
                                Instant.ofEpochMilli(rs.getLong(4))))
                        .list();
                Optional<Long> followUp = handle.createQuery("""
                                SELECT MIN(id) FROM follow_ups WHERE integration_key = :integration AND dedup_key = :dedup AND closed_at IS NULL""")
                        .bind("integration", entry.getKey().integrationKey()).bind("dedup", entry.getKey().dedupKey())
                        .mapTo(Long.class).findOne();
                rows.add(new Row(tally.serviceId, org.serviceName(tally.serviceId).orElse(tally.serviceId), entry.getKey().dedupKey(),
                        summary, tally.fired, tally.pages, tally.outside, tally.resolvedItself, tally.latestIncident, notes,
                        followUp.orElse(null)));
            }
            return new Report(days, from, now, rows);
        });
    }

    private static boolean outsideWorkingHours(Optional<User> user, Instant at) {
        if (user.isEmpty() || user.get().workingHours() == null) return false;
        return !WorkingTime.of(user.get(), at.minus(Duration.ofDays(1)), at.plus(Duration.ofDays(1))).contains(at);
    }
}
