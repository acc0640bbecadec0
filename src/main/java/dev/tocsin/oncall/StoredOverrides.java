package dev.tocsin.oncall;

import dev.tocsin.schedule.Override;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.List;

/**
 * The overrides in the database, as "who is on call" reads them. The override store implements it, so on-call
 * knows nothing of how overrides are written (cover and swap requests, the API) and {@code override} may build
 * on {@code oncall} without a cycle.
 */
public interface StoredOverrides {
    /** The overrides in force for a schedule (not removed), by start. */
    List<Override> active(Handle handle, String scheduleId);

    /** The overrides in force for a schedule that overlap [from, to), by start. */
    List<Override> inForce(Handle handle, String scheduleId, Instant from, Instant to);

    /** A number that changes whenever an override is written or removed, on any node. */
    long generation(Handle handle);
}
