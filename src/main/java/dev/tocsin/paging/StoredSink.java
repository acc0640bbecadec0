package dev.tocsin.paging;

import dev.tocsin.delivery.DeliverTimer;
import dev.tocsin.engine.Timers;
import dev.tocsin.escalation.EscalationEffect;
import dev.tocsin.escalation.EscalationState;
import dev.tocsin.incident.Incident;
import dev.tocsin.notify.NotificationPlan;
import dev.tocsin.trace.Actor;
import dev.tocsin.trace.Channel;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.List;

/**
 * The durable engine's {@link PagingSink}: carries one incident's paging effects out inside the transaction that
 * caused them — escalation state and round-robin turns in the paging tables, notifications and escalations as
 * timers, lines on the incident's timeline, and the paged people as its assignees.
 */
final class StoredSink implements PagingSink {
    private final Paging paging;
    private final Handle handle;
    private final Incident incident;
    private final Actor actor;
    private final Channel channel;

    /** {@code actor} and {@code channel}: who caused the step, credited with the lines recording their own act. */
    StoredSink(Paging paging, Handle handle, Incident incident, Actor actor, Channel channel) {
        this.paging = paging;
        this.handle = handle;
        this.incident = incident;
        this.actor = actor;
        this.channel = channel;
    }

    @Override
    public void saveEscalation(EscalationState state, Instant at) {
        paging.store().saveEscalation(handle, state, at);
    }

    @Override
    public void startNotifying(NotificationPlan plan, int level, int round, Instant at) {
        plan.next(null).ifPresent(step -> NotifyTimer.scheduleStep(handle, paging, incident.id(), plan, step, at));
    }

    @Override
    public void stopNotifying(String user, String reason, Instant at) {
        Timers.cancelPrefix(handle, NotifyTimer.prefix(incident.id(), user), at);
        Timers.cancelPrefix(handle, DeliverTimer.prefix(incident.id(), user), at);
        paging.notifications().cancelUnsent(handle, incident.id(), user, reason, at);
    }

    @Override
    public void scheduleEscalation(String key, Instant due, Instant at) {
        Timers.schedule(handle, Paging.ESCALATE, key, "{\"incident\":" + incident.id() + "}", due, at);
    }

    @Override
    public void cancelTimers(String prefix, Instant at) {
        Timers.cancelPrefix(handle, prefix, at);
    }

    @Override
    public void roundRobinAdvanced(EscalationEffect.RoundRobinAdvanced turn, Instant at) {
        paging.store().saveCursor(handle, turn.policyId(), turn.levelIndex(), turn.previous(), turn.cursor());
    }

    @Override
    public void nobodyToPage(String message, Instant at) {
        paging.tellAdmins(handle, incident, message, at);
    }

    @Override
    public void timeline(String kind, String message, boolean byActor, Instant at) {
        boolean byPerson = byActor && actor.kind() == Actor.Kind.USER;
        paging.timeline(handle, incident.id(), at, kind, message, byPerson ? actor : Actor.system(),
                byPerson ? channel : Channel.SYSTEM);
    }

    @Override
    public void paged(List<String> users, Instant at) {
        paging.rememberPaged(handle, incident.id(), users, at);
        if (!users.isEmpty() && !users.equals(incident.assignees())) {
            paging.incidents().replaceAssignees(handle, incident.id(), users, at);
        }
    }
}
