package dev.tocsin.paging;

import dev.tocsin.delivery.Notification;
import dev.tocsin.escalation.EscalationState;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Who is paged for an incident, at which level and round and why, when it escalates next, and every notification
 * with its delivery state: the paging part of every incident view (API, web, chat). Position fields are null for an
 * incident that was never paged; the explanation then says so.
 */
public record PagingView(long incidentId, String status, String policy, Integer level, Integer levels, Integer round,
                         Integer rounds, Instant escalatesAt, String explanation, List<PagedPerson> paged,
                         List<Notification> notifications) {
    /** One person paged, at which level and round, through which target and why. */
    public record PagedPerson(String user, int level, int round, String target, String reason, Instant pagedAt,
                              boolean unreachable) {
    }

    /** The view of a stored escalation state (or none) and the incident's notifications as the API shows them. */
    public static PagingView of(long incidentId, Optional<EscalationState> state, List<Notification> notifications) {
        List<Notification> shown = notifications.stream().map(Notification::shown).toList();
        if (state.isEmpty()) {
            return new PagingView(incidentId, null, null, null, null, null, null, null,
                    "this incident has not been paged", null, shown);
        }
        EscalationState current = state.get();
        List<PagedPerson> paged = current.paged().stream().map(page -> new PagedPerson(page.user(), page.level(),
                page.round(), page.target().toString(), page.reason(), page.pagedAt(), page.unreachable())).toList();
        return new PagingView(incidentId, current.status().name().toLowerCase(Locale.ROOT), current.policy().id(),
                current.levelIndex() + 1, current.policy().levels().size(), current.round() + 1, current.rounds(),
                current.escalatesAt(), current.explain(), paged, shown);
    }
}
