package dev.tocsin.respond;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tocsin.auth.Role;
import dev.tocsin.config.Organisation;
import dev.tocsin.incident.Incident;
import dev.tocsin.incident.IncidentStatus;
import dev.tocsin.incident.TimelineEntry;
import dev.tocsin.refusal.Refusal;
import dev.tocsin.trace.Actor;
import dev.tocsin.user.User;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * "Don't acknowledge an incident out from under someone else": only the people paged for an incident may
 * acknowledge it. Paged means the incident's assignees (whom paging assigns, and whom a reassignment or an accepted
 * handover names) and everyone its current paging paged or notified, at any level or round. An incident for which
 * nobody was paged (no policy, nobody on call) can be acknowledged by any responder: there is nobody to take it
 * from. An admin who was not paged is let through, and the override goes on the timeline.
 */
final class AckGuard {
    /** The refusal code of an acknowledgement by someone who was not paged; channels offer to join instead. */
    static final String NOT_PAGED = "not_paged";

    private final PagedPeople paged;
    private final Supplier<Organisation> organisation;

    AckGuard(PagedPeople paged, Supplier<Organisation> organisation) {
        this.paged = paged;
        this.organisation = organisation;
    }

    /** Whoever counts as paged for the incident, sorted. */
    Set<String> holders(Incident incident) {
        Set<String> holders = new TreeSet<>(incident.assignees());
        holders.addAll(paged.pagedFor(incident.id()));
        return holders;
    }

    boolean holds(Incident incident, Actor actor) {
        return actor.kind() == Actor.Kind.USER && holders(incident).contains(actor.id());
    }

    /**
     * Lets the acknowledgement through (empty), lets an admin through with the timeline entry that records the
     * override, or refuses. Only a triggered incident is guarded: acknowledging one that is acknowledged or
     * resolved changes nothing, and the lifecycle says so.
     */
    Optional<TimelineEntry> check(Incident incident, Act act) {
        if (incident.status() != IncidentStatus.TRIGGERED) return Optional.empty();
        Set<String> holders = holders(incident);
        Actor actor = act.by().actor();
        if (holders.isEmpty() || (actor.kind() == Actor.Kind.USER && holders.contains(actor.id()))) return Optional.empty();
        String names = String.join(", ", names(holders));
        if (act.by().role().includes(Role.ADMIN)) {
            ObjectNode data = JsonNodeFactory.instance.objectNode();
            holders.forEach(data.putArray("paged")::add);
            return Optional.of(TimelineEntry.of(incident.id(), act.at(), "ack_override", actor, act.channel(),
                    "Admin override: acknowledged by " + actor.id() + " via " + act.channel().wireName()
                            + ", who was not paged (paged: " + names + ")", data));
        }
        throw new Refusal(Refusal.Kind.FORBIDDEN, NOT_PAGED, "you were not paged for " + incident.number() + " (paged: "
                + names + "), so you may not acknowledge it out from under them; join as responder to offer help instead",
                List.of());
    }

    private List<String> names(Set<String> userIds) {
        return userIds.stream().map(id -> organisation.get().user(id).map(User::name).filter(name -> !name.isBlank())
                .orElse(id)).toList();
    }
}
