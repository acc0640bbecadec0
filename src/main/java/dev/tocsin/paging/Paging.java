package dev.tocsin.paging;

import dev.tocsin.config.Organisation;
import dev.tocsin.engine.Timers;
import dev.tocsin.escalation.Escalation;
import dev.tocsin.escalation.EscalationEffect;
import dev.tocsin.escalation.EscalationPolicy;
import dev.tocsin.escalation.EscalationState;
import dev.tocsin.escalation.ManualEscalation;
import dev.tocsin.refusal.Refusal;
import dev.tocsin.incident.IncidentLifecycle;
import dev.tocsin.incident.Transition;
import dev.tocsin.escalation.Page;
import dev.tocsin.escalation.Step;
import dev.tocsin.escalation.TargetResolver;
import dev.tocsin.incident.Incident;
import dev.tocsin.incident.IncidentObserver;
import dev.tocsin.incident.IncidentStatus;
import dev.tocsin.incident.IncidentStore;
import dev.tocsin.incident.TimelineEntry;
import dev.tocsin.notify.NotificationPlan;
import dev.tocsin.notify.NotificationStep;
import dev.tocsin.service.Service;
import dev.tocsin.trace.Actor;
import dev.tocsin.trace.Channel;
import dev.tocsin.user.User;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The durable side of paging: runs the pure {@link Escalation} core for an incident inside the transaction
 * that changed it, stores where the incident stands, and turns the core's effects into timers, notifications
 * and timeline lines. Nothing here talks to a provider; {@link DeliverTimer} does, when its timer comes due.
 *
 * <p>Timer keys (one pending timer per key, so nothing is scheduled twice):
 * {@code escalation/<incident>/<generation>} escalates, {@code notify/<incident>/<user>/<rule>/<send>} is the
 * next step of a person's rules, {@code deliver/<incident>/<user>/<notification>/<try>} sends one notification,
 * {@code ack-timeout/<incident>} re-triggers an acknowledgement left unresolved.
 */
public final class Paging implements IncidentObserver {
    public static final String ESCALATE = "escalate";
    public static final String NOTIFY = "notify";
    public static final String DELIVER = "deliver";
    public static final String ACK_TIMEOUT = "ack-timeout";
    public static final String ANNOUNCE = "announce";

    private final Supplier<Organisation> organisation;
    private final Supplier<TargetResolver> resolver;
    private final IncidentStore incidents;
    private final PagingStore store;
    private final AdminAlerts admins;
    private final Runnable wake;

    /**
     * @param wake called after a transaction that scheduled timers commits (the timer engine's wake-up)
     */
    public Paging(Supplier<Organisation> organisation, Supplier<TargetResolver> resolver, IncidentStore incidents,
                  AdminAlerts admins, Runnable wake) {
        this.organisation = organisation;
        this.resolver = resolver;
        this.incidents = incidents;
        this.store = new PagingStore();
        this.admins = admins;
        this.wake = wake;
    }

    /** The engine's timer handlers and the listener for provider delivery reports, sharing one delivery path. */
    public record Parts(List<dev.tocsin.engine.TimerHandler> handlers, dev.tocsin.delivery.DeliveryStatuses.Listener deliveryReports) {
    }

    public Parts parts(dev.tocsin.store.Database database, Senders senders, PageActions actions,
                       java.util.random.RandomGenerator random, io.micrometer.core.instrument.MeterRegistry metrics) {
        DeliverTimer deliver = new DeliverTimer(this, database, senders, actions, random, metrics);
        return new Parts(List.of(new EscalateTimer(this), new NotifyTimer(this), deliver, new AckTimeoutTimer(this),
                new AnnounceTimer(this, database, senders)),
                new DeliveryReports(this, deliver));
    }

    PagingStore store() {
        return store;
    }

    IncidentStore incidents() {
        return incidents;
    }

    Organisation organisation() {
        return organisation.get();
    }

    @Override
    public void opened(Handle handle, Incident incident, Instant at) {
        AnnounceTimer.schedule(handle, organisation.get(), incident, at);
        handle.afterCommit(wake);
        Optional<EscalationPolicy> policy = policyOf(incident);
        if (policy.isEmpty()) {
            String why = "service " + incident.serviceId() + " has no escalation policy that exists: nobody is paged";
            timeline(handle, incident.id(), at, "nobody_paged", why, Actor.system(), Channel.SYSTEM);
            tellAdmins(handle, incident, why, at);
            return;
        }
        Step step = Escalation.start(policy.get(), incident.id(), at, resolver.get(), turns(handle, policy.get()));
        carryOut(handle, incident, step, at, Actor.system(), Channel.SYSTEM);
    }

    @Override
    public void changed(Handle handle, Incident before, Incident after, String by, Instant at) {
        Optional<EscalationState> state = store.escalation(handle, after.id());
        String who = by == null ? "tocsin" : by.substring(by.indexOf(':') + 1);
        switch (after.status()) {
            case ACKNOWLEDGED -> {
                state.ifPresent(current -> carryOut(handle, after, Escalation.onAcknowledged(current, at, who), at,
                        Actor.system(), Channel.SYSTEM));
                AckTimeoutTimer.schedule(handle, after, serviceOf(after), at);
                handle.afterCommit(wake);
            }
            case RESOLVED -> {
                Timers.cancel(handle, AckTimeoutTimer.key(after.id()), at);
                state.ifPresent(current -> carryOut(handle, after, Escalation.onResolved(current, at, who), at,
                        Actor.system(), Channel.SYSTEM));
            }
            case TRIGGERED -> retrigger(handle, after, state, at);
        }
    }

    /** Triggered again (an acknowledgement timed out, or escalated by hand while acknowledged): start over. */
    void retrigger(Handle handle, Incident incident, Optional<EscalationState> state, Instant at) {
        Timers.cancel(handle, AckTimeoutTimer.key(incident.id()), at);
        if (state.isEmpty()) {
            opened(handle, incident, at);
            return;
        }
        carryOut(handle, incident, Escalation.retrigger(withTurnsNow(handle, state.get()), at, resolver.get()), at,
                Actor.system(), Channel.SYSTEM);
    }

    /**
     * The stored state with the policy's round-robin positions as they are now. The state keeps the positions it
     * saw when it last moved, but other incidents have taken turns since: a level entered later (by escalating,
     * a re-trigger, by hand) must take the next turn, not the one this incident saw when it was opened. Another
     * transaction taking a turn at the same time is caught when the turn is stored ({@link PagingStore#saveCursor}).
     */
    private EscalationState withTurnsNow(Handle handle, EscalationState state) {
        return new EscalationState(state.incidentId(), state.policy(), state.status(), state.levelIndex(), state.round(),
                state.generation(), state.paged(), state.escalatesAt(), turns(handle, state.policy()),
                state.picks());
    }

    /** The policy's round-robin positions; a policy without a round-robin level has none to read. */
    private Map<Integer, Integer> turns(Handle handle, EscalationPolicy policy) {
        boolean roundRobin = policy.levels().stream()
                .anyMatch(level -> level.assign() == dev.tocsin.escalation.EscalationLevel.Assignment.ROUND_ROBIN);
        return roundRobin ? store.cursors(handle, policy.id()) : Map.of();
    }

    /** The escalation timer with this key came due. A stale key (the incident moved on) changes nothing. */
    void escalationDue(Handle handle, long incidentId, String key, Instant now) {
        Optional<Incident> incident = incidents.findIncident(handle, incidentId);
        Optional<EscalationState> state = store.escalation(handle, incidentId);
        if (incident.isEmpty() || state.isEmpty() || incident.get().status() != IncidentStatus.TRIGGERED) return;
        carryOut(handle, incident.get(), Escalation.onTimer(withTurnsNow(handle, state.get()), key, now, resolver.get()), now,
                Actor.system(), Channel.SYSTEM);
    }

    /** Every contact method of a paged person failed: escalate early if nobody else at the level can be reached. */
    void unreachable(Handle handle, long incidentId, String userId, Instant now) {
        Optional<Incident> incident = incidents.findIncident(handle, incidentId);
        Optional<EscalationState> state = store.escalation(handle, incidentId);
        if (incident.isEmpty() || state.isEmpty()) return;
        carryOut(handle, incident.get(), Escalation.onUnreachable(withTurnsNow(handle, state.get()), userId, now, resolver.get()), now,
                Actor.system(), Channel.SYSTEM);
    }

    /**
     * Escalation by hand: to the next level, or to a chosen target. An acknowledged incident is triggered again
     * so the people it now goes to are paged; a target that reaches nobody changes nothing (the timeline says so).
     * Returns the sentence to answer with.
     */
    ManualEscalation.Result escalateManually(Handle handle, Incident incident, ManualEscalation how, Actor actor,
                                             Channel channel, Instant now) {
        if (incident.status() == IncidentStatus.RESOLVED) {
            throw Refusal.conflict("incident " + incident.number() + " is resolved; nothing to escalate");
        }
        Optional<EscalationState> stored = store.escalation(handle, incident.id()).map(state -> withTurnsNow(handle, state));
        Optional<EscalationPolicy> policy = stored.map(EscalationState::policy).or(() -> policyOf(incident));
        if (policy.isEmpty() || policy.get().levels().isEmpty()) {
            throw Refusal.conflict("service " + incident.serviceId() + " has no escalation policy to escalate on");
        }
        Step step = stored.isPresent()
                ? Escalation.escalateManually(stored.get(), how, now, resolver.get(), actor.id())
                : Escalation.start(policy.get(), incident.id(), now, resolver.get(), turns(handle, policy.get()));
        boolean pagesSomeone = step.effects().stream().anyMatch(effect -> effect instanceof EscalationEffect.PageUser);
        Incident current = incident;
        if (pagesSomeone && incident.status() == IncidentStatus.ACKNOWLEDGED) {
            Transition transition = IncidentLifecycle.escalatedWhileAcknowledged(incident, actor, channel, now);
            if (transition instanceof Transition.Changed changed) {
                incidents.updateIncident(handle, changed.incident());
                changed.entries().forEach(entry -> incidents.insertTimeline(handle, entry));
                Timers.cancel(handle, AckTimeoutTimer.key(incident.id()), now);
                current = changed.incident();
            }
        }
        carryOut(handle, current, step, now, actor, channel);
        if (!pagesSomeone) {
            String target = how instanceof ManualEscalation.ToTarget to ? to.target().toString()
                    : how instanceof ManualEscalation.AddResponders add ? add.target() + " (not already paged)" : "the next level";
            return new ManualEscalation.Result(false, "Nothing changed: " + target + " reaches nobody right now.");
        }
        EscalationState after = step.state();
        return new ManualEscalation.Result(true, "Escalated " + incident.number() + ": now paging " + after.paged().stream()
                .map(Page::user).collect(java.util.stream.Collectors.joining(", ")) + ".");
    }

    /** Carries out a step for an incident whose escalation state exists or is created by this step. */
    void carryOut(Handle handle, Incident incident, Step step, Instant at, Actor actor, Channel channel) {
        Deque<String> unreachable = new ArrayDeque<>();
        Step current = step;
        List<String> assigneesBefore = incident.assignees();
        while (true) {
            store.saveEscalation(handle, current.state(), at);
            for (EscalationEffect effect : current.effects()) {
                apply(handle, incident, effect, at, actor, channel, unreachable);
            }
            if (unreachable.isEmpty()) break;
            current = Escalation.onUnreachable(current.state(), unreachable.poll(), at, resolver.get());
            actor = Actor.system();
            channel = Channel.SYSTEM;
        }
        List<String> paged = current.state().paged().stream().map(Page::user).toList();
        if (!paged.isEmpty() && !paged.equals(assigneesBefore)) incidents.replaceAssignees(handle, incident.id(), paged, at);
        handle.afterCommit(wake);
    }

    private void apply(Handle handle, Incident incident, EscalationEffect effect, Instant at, Actor actor,
                       Channel channel, Deque<String> unreachable) {
        long id = incident.id();
        if (effect instanceof EscalationEffect.PageUser page) {
            pageUser(handle, incident, page.user(), at, unreachable);
        } else if (effect instanceof EscalationEffect.StopPaging stop) {
            Timers.cancelPrefix(handle, NotifyTimer.prefix(id, stop.user()), at);
            Timers.cancelPrefix(handle, DeliverTimer.prefix(id, stop.user()), at);
            store.cancelUnsent(handle, id, stop.user(), stop.reason(), at);
        } else if (effect instanceof EscalationEffect.ScheduleTimer timer) {
            Timers.schedule(handle, ESCALATE, timer.key(), "{\"incident\":" + id + "}", timer.at(), at);
        } else if (effect instanceof EscalationEffect.CancelTimers cancel) {
            Timers.cancelPrefix(handle, cancel.prefix(), at);
        } else if (effect instanceof EscalationEffect.RoundRobinAdvanced turn) {
            store.saveCursor(handle, turn.policyId(), turn.levelIndex(), turn.previous(), turn.cursor());
        } else if (effect instanceof EscalationEffect.NobodyToPage nobody) {
            tellAdmins(handle, incident, nobody.message(), at);
        } else if (effect instanceof EscalationEffect.Timeline line) {
            // The person's own act is theirs; what follows from it (paged, escalated …) is the system's doing.
            boolean byPerson = actor.kind() == Actor.Kind.USER
                    && (line.kind().equals("escalated_manually") || line.kind().equals("escalation_refused"));
            timeline(handle, id, at, line.kind(), line.message(), byPerson ? actor : Actor.system(),
                    byPerson ? channel : Channel.SYSTEM);
        }
    }

    /** Starts a person's own rules for the incident, from now; someone nobody can reach is queued as unreachable. */
    private void pageUser(Handle handle, Incident incident, String userId, Instant at, Deque<String> unreachable) {
        Optional<User> user = organisation.get().user(userId);
        if (user.isEmpty()) {
            timeline(handle, incident.id(), at, "cannot_notify", userId + " is not a configured user and cannot be notified",
                    Actor.system(), Channel.SYSTEM);
            unreachable.add(userId);
            return;
        }
        NotificationPlan plan = NotificationPlan.forUser(user.get(), incident.urgency(), at);
        if (plan.isEmpty()) {
            timeline(handle, incident.id(), at, "cannot_notify", userId + " has no contact method and cannot be notified",
                    Actor.system(), Channel.SYSTEM);
            unreachable.add(userId);
            return;
        }
        plan.next(null).ifPresent(step -> NotifyTimer.scheduleStep(handle, this, incident.id(), plan, step, at));
    }

    private void tellAdmins(Handle handle, Incident incident, String why, Instant at) {
        timeline(handle, incident.id(), at, "admins_alerted", admins.alert(handle, incident, why, at), Actor.system(),
                Channel.SYSTEM);
    }

    Optional<EscalationPolicy> policyOf(Incident incident) {
        Organisation current = organisation.get();
        return current.service(incident.serviceId()).flatMap(service -> current.escalationPolicy(service.escalationPolicy()));
    }

    Optional<Service> serviceOf(Incident incident) {
        return organisation.get().service(incident.serviceId());
    }

    TargetResolver resolver() {
        return resolver.get();
    }

    Runnable wake() {
        return wake;
    }

    void timeline(Handle handle, long incidentId, Instant at, String kind, String message, Actor actor, Channel channel) {
        incidents.insertTimeline(handle, TimelineEntry.of(incidentId, at, kind, actor, channel, message, null));
    }

    void timeline(Handle handle, long incidentId, Instant at, String kind, String message, Map<String, Object> data) {
        incidents.insertTimeline(handle, TimelineEntry.of(incidentId, at, kind, Actor.system(), Channel.SYSTEM, message,
                data == null ? null : dev.tocsin.json.Json.mapper().valueToTree(data)));
    }

    /** Where the incident stands on its policy, if it was ever paged. */
    public Optional<EscalationState> escalation(Handle handle, long incidentId) {
        return store.escalation(handle, incidentId);
    }

    /** Every notification about the incident, oldest first. */
    public List<Notification> notifications(Handle handle, long incidentId) {
        return store.ofIncident(handle, incidentId);
    }

    /** The latest notifications, newest first, of one user (or everyone's when {@code userId} is null). */
    public List<Notification> recentNotifications(Handle handle, String userId, int limit) {
        return store.recent(handle, userId, limit);
    }

    public Optional<Notification> notification(Handle handle, long id) {
        return store.notification(handle, id);
    }

    /** Keeps a step that is due now in the same transaction (so the first page needs no extra timer round). */
    static boolean dueNow(NotificationStep step, Instant now) {
        return !step.at().isAfter(now);
    }
}
