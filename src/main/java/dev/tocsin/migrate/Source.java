package dev.tocsin.migrate;

import java.time.Instant;
import java.util.List;

/**
 * A system to migrate from. Each source reads its own API into a {@link Migration} (Tocsin configuration plus
 * the report of what became of every object) and can answer, for one imported schedule, who the source itself
 * says is on call, for the equivalence check. Opsgenie is the first; PagerDuty and Grafana OnCall are further
 * implementations of this interface.
 */
public interface Source {
    /** The name used on the command line ({@code opsgenie}). */
    String name();

    /** Reads everything the source exposes and maps it; problems that stop the import are thrown. */
    Migration read(Progress progress);

    /**
     * The source's own final on-call timeline for an imported schedule within [from, to), with recipients
     * already translated to Tocsin user ids (by {@link Migration#people()}).
     */
    List<SourcePeriod> finalTimeline(Migration migration, ImportedSchedule schedule, Instant from, Instant to);
}
