package dev.tocsin.report;

import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.util.List;

/**
 * Who was paged for which incident in a period, read from the paging engine's {@code notifications} table in
 * one query: one {@link Paged} per person and incident with a notification created in [from, to). Test pages
 * and verification codes (no incident) are not pages and are left out.
 */
public final class PageCounts {
    private final Jdbi jdbi;

    public PageCounts(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * One person paged for one incident in the period.
     *
     * @param firstNotifiedAt when the first notification to the person about the incident in the period was created
     * @param sent            how many of those notifications went out (sent or delivered); a notification carried
     *                        in another's message (bundled) is marked sent too, so it counts
     */
    public record Paged(String userId, long incidentId, Instant firstNotifiedAt, int sent) {
    }

    /** Every person and incident paged in [from, to). */
    public List<Paged> in(Instant from, Instant to) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT user_id, incident_id, MIN(created_at) AS first_at,
                               SUM(CASE WHEN status IN ('sent', 'delivered') THEN 1 ELSE 0 END) AS sent
                        FROM notifications
                        WHERE incident_id IS NOT NULL AND created_at >= :from AND created_at < :to
                        GROUP BY user_id, incident_id""")
                .bind("from", from.toEpochMilli()).bind("to", to.toEpochMilli())
                .map((rs, ctx) -> new Paged(rs.getString("user_id"), rs.getLong("incident_id"),
                        Instant.ofEpochMilli(rs.getLong("first_at")), rs.getInt("sent")))
                .list());
    }
}
