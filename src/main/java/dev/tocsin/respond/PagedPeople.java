package dev.tocsin.respond;

import java.util.Set;

/**
 * Who was paged for an incident in its current paging, as the paging engine knows it: the people paged now and
 * everyone notified about it before (an earlier level, an earlier round). The ack guard reads it; the engine
 * answers (wired in {@code app.Tocsin}), so {@code respond} does not depend on {@code paging}.
 */
@FunctionalInterface
public interface PagedPeople {
    /** Knows nobody: only the incident's assignees count (tools and tests without a paging engine). */
    PagedPeople NONE = incidentId -> Set.of();

    Set<String> pagedFor(long incidentId);
}
