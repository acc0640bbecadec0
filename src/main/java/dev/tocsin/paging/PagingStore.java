package dev.tocsin.paging;

import dev.tocsin.escalation.EscalationState;
import dev.tocsin.store.Dialect;
import dev.tocsin.store.WriteConflict;
import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The paging engine's tables: escalation state per incident and round-robin cursors (notifications: {@link dev.tocsin.delivery.NotificationStore}). */
final class PagingStore {

    Optional<EscalationState> escalation(Handle handle, long incidentId) {
        return handle.createQuery("SELECT state FROM escalations WHERE incident_id = :id")
                .bind("id", incidentId).mapTo(String.class).findOne().map(EscalationCodec::read);
    }

    void saveEscalation(Handle handle, EscalationState state, Instant now) {
        handle.createUpdate("""
                        INSERT INTO escalations (incident_id, policy_id, status, state, updated_at)
                        VALUES (:id, :policy, :status, :state, :now)
                        ON CONFLICT (incident_id) DO UPDATE SET policy_id = excluded.policy_id, status = excluded.status,
                               state = excluded.state, updated_at = excluded.updated_at""")
                .bind("id", state.incidentId()).bind("policy", state.policy().id())
                .bind("status", state.status().name()).bind("state", EscalationCodec.write(state))
                .bind("now", now.toEpochMilli())
                .execute();
    }

    /** The policy's round-robin positions by 0-based level index, as last committed. */
    Map<Integer, Integer> cursors(Handle handle, String policyId) {
        return cursors(handle, policyId, "");
    }

    /**
     * The cursors as {@link #cursors} reads them, for a transaction that may take a turn: on PostgreSQL the rows are
     * locked until it commits, so an incident on another writer lane or node waits and then reads the turn this one
     * took, instead of reading the same turn and failing its compare-and-set (which cost a re-run of its whole write
     * group). SQLite has one writer: nothing to wait for.
     */
    Map<Integer, Integer> cursorsToTakeTurn(Handle handle, String policyId) {
        return cursors(handle, policyId, Dialect.of(handle) == Dialect.POSTGRESQL ? " FOR UPDATE" : "");
    }

    private Map<Integer, Integer> cursors(Handle handle, String policyId, String lock) {
        Map<Integer, Integer> cursors = new HashMap<>();
        handle.createQuery("SELECT level_index, position FROM round_robin_cursors WHERE policy_id = :policy" + lock)
                .bind("policy", policyId)
                .map((rs, ctx) -> Map.entry(rs.getInt(1), rs.getInt(2)))
                .forEach(entry -> cursors.put(entry.getKey(), entry.getValue()));
        return cursors;
    }

    /**
     * Stores a level's next round-robin position if the turn just taken is still the current one ({@code previous},
     * null when the level never had a turn). Two incidents taking a turn at once (two nodes, or PostgreSQL's two
     * writer lanes) read the same position; the second to write finds it moved (its UPDATE waits for the first to
     * commit, then matches nothing) or, for a level's first turn, finds the row there, and throws {@link WriteConflict}.
     * Its transaction is then run again (a timer after its retry delay, a write job on its own, as often as the
     * writer allows conflicts) and takes the next turn, instead of paging the same person. The compare-and-set stays even though PostgreSQL now locks the cursors when reading them
     * ({@link #cursorsToTakeTurn}): a level's first turn has no row to lock yet.
     */
    void saveCursor(Handle handle, String policyId, int levelIndex, Integer previous, int position) {
        if (previous == null) {
            int inserted = handle.createUpdate("""
                            INSERT INTO round_robin_cursors (policy_id, level_index, position) VALUES (:policy, :level, :position)
                            ON CONFLICT DO NOTHING""")
                    .bind("policy", policyId).bind("level", levelIndex).bind("position", position).execute();
            if (inserted == 0) throw turnTaken(policyId, levelIndex);
            return;
        }
        int updated = handle.createUpdate("""
                        UPDATE round_robin_cursors SET position = :position
                        WHERE policy_id = :policy AND level_index = :level AND position = :previous""")
                .bind("policy", policyId).bind("level", levelIndex).bind("position", position).bind("previous", previous)
                .execute();
        if (updated == 0) throw turnTaken(policyId, levelIndex);
    }

    private static WriteConflict turnTaken(String policyId, int levelIndex) {
        return new WriteConflict("another incident took the round-robin turn of policy " + policyId + " level "
                + (levelIndex + 1) + " meanwhile; trying again");
    }
}
