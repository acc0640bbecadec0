package dev.tocsin.incident;

import java.util.List;

/**
 * The result of asking an incident to change: its new state and what to write on its timeline, or why
 * nothing changed. Produced by {@link IncidentLifecycle}, which does no I/O.
 */
public sealed interface Transition {
    record Changed(Incident incident, List<TimelineEntry> entries) implements Transition {
    }

    /** Nothing to do: e.g. acknowledging an incident that is already acknowledged. */
    record Unchanged(Incident incident, String reason) implements Transition {
    }

    /** Not allowed: e.g. acknowledging a resolved incident. */
    record Refused(Incident incident, String reason) implements Transition {
    }
}
