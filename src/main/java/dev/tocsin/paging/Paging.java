package dev.tocsin.paging;

import dev.tocsin.delivery.Notification;
import dev.tocsin.delivery.DeliverTimer;
import dev.tocsin.delivery.Delivery;
import dev.tocsin.delivery.NotificationStore;
import dev.tocsin.delivery.Senders;
import dev.tocsin.delivery.PageActions;
import dev.tocsin.delivery.DeliveryReports;
import dev.tocsin.delivery.AnnounceTimer;
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
import dev.tocsin.notify.NotificationStep;
import dev.tocsin.service.Service;
import dev.tocsin.trace.Actor;
import dev.tocsin.trace.Channel;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
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
    public static final String DELIVER = Delivery.DELIVER;
    public static final String ACK_TIMEOUT = "ack-timeout";
    public static final String ANNOUNCE = Delivery.ANNOUNCE;

    private final Supplier<Organisation> organisation;
    private final Supplier<TargetResolver> resolver;
    private final IncidentStore incidents;
    private final PagingStore store;
    private final Delivery delivery;
    private final AdminAlerts admins;
    private final Runnable wake;
    private final Holding holding;

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
        this.holding = new Holding(this, new dev.tocsin.maintenance.MaintenanceStore());
        this.delivery = new Delivery(organisation, incidents, new Delivery.Escalations() {
            @java.lang.Override
            public Optional<Instant> pagedSince(Handle handle, long incidentId, String userId) {
                return store.escalation(handle, incidentId)
                        .filter(state -> state.status() == EscalationState.Status.ACTIVE
                                || state.status() == EscalationState.Status.EXHAUSTED)
                        .flatMap(state -> state.paged().stream().filter(paged -> paged.user().equals(userId)).findFirst())
                        .map(Page::pagedAt);
            }

            @java.lang.Override
            public void unreachable(Handle handle, long incidentId, String userId, Instant now) {
                Paging.this.unreachable(handle, incidentId, userId, now);
            }
        }, wake);
    }

    /** The engine's timer handlers and the listener for provider delivery reports, sharing one delivery path. */
    public record Parts(List<dev.tocsin.engine.TimerHandler> handlers, dev.tocsin.delivery.DeliveryStatuses.Listener deliveryReports) {
    }

    public Parts parts(dev.tocsin.store.Database database, Senders senders, PageActions actions,
                       java.util.random.RandomGenerator random, io.micrometer.core.instrument.MeterRegistry metrics) {
        DeliverTimer deliver = new DeliverTimer(delivery, database, senders, actions, random, metrics);
        return new Parts(List.of(new EscalateTimer(this), new NotifyTimer(this), deliver, new AckTimeoutTimer(this),
                new AnnounceTimer(delivery, database, senders), holding.releaseTimer()),
                new DeliveryReports(delivery, deliver));
    }

    /** What releases the incidents a maintenance window held back, when it ends (its end timer calls it). */
    public dev.tocsin.maintenance.MaintenanceWindows.Release maintenanceRelease() {
        return holding;
    }

    PagingStore store() {
        return store;
    }

    /** The notifications table (delivery's). */
    NotificationStore notifications() {
        return delivery.store();
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
        Optional<Incident> pageable = holding.gate(handle, incident, at, true);
        if (pageable.isPresent()) start(handle, pageable.get(), at);
    }

    /** Pages an incident from level 1 now (it passed the hold gate). */
    private void start(Handle handle, Incident incident, Instant at) {
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
        holding.clear(handle, after.id(), at);
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
        released(handle, incident, at);
    }

    /**
     * Pages an incident that is triggered and was not being paged (released from a hold, or triggered again), unless
     * its urgency says to wait for support hours: from level 1 when it was never paged, else starting over.
     */
    void released(Handle handle, Incident incident, Instant at) {
        Optional<Incident> pageable = holding.gate(handle, incident, at, false);
        if (pageable.isEmpty()) return;
        Optional<EscalationState> state = store.escalation(handle, incident.id());
        if (state.isEmpty()) {
            start(handle, pageable.get(), at);
            return;
        }
        carryOut(handle, pageable.get(), Escalation.retrigger(withTurnsNow(handle, state.get()), at, resolver.get()), at,
                Actor.system(), Channel.SYSTEM);
    }

    @Override
    public void snoozed(Handle handle, Incident incident, Instant until, Actor by, Instant at) {
        holding.snoozed(handle, incident, until, by, at);
        handle.afterCommit(wake);
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
        return roundRobin ? store.cursorsToTakeTurn(handle, policy.id()) : Map.of();
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
        if (pagesSomeone) holding.clear(handle, incident.id(), now);   // a person asked for it: no longer held
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
        new EffectInterpreter(organisation.get()::user, resolver.get())
                .carryOut(step, incident.urgency(), at, new StoredSink(this, handle, incident, actor, channel));
        handle.afterCommit(wake);
    }

    void tellAdmins(Handle handle, Incident incident, String why, Instant at) {
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

    /**
     * The policy's round-robin positions as last committed (0-based level index → position of the next turn), for
     * {@code simulate} to start from; a level that never took a turn is missing.
     */
    public Map<Integer, Integer> roundRobinCursors(Handle handle, String policyId) {
        return store.cursors(handle, policyId);
    }

    /**
     * Who the incident's paging paged: everyone it paged at any level or round (remembered in
     * {@code incident_paged_people}, even when the incident escalated past them before they were notified), the
     * people paged now, and everyone notified about it.
     * What the responder actions' ack guard counts as "paged", besides the assignees.
     */
    public java.util.Set<String> pagedFor(Handle handle, long incidentId) {
        java.util.Set<String> users = new java.util.TreeSet<>(handle.createQuery(
                        "SELECT user_id FROM incident_paged_people WHERE incident_id = :incident")
                .bind("incident", incidentId).mapTo(String.class).list());
        store.escalation(handle, incidentId).ifPresent(state -> state.paged().forEach(page -> users.add(page.user())));
        delivery.store().ofIncident(handle, incidentId).forEach(notification -> {
            if (notification.userId() != null) users.add(notification.userId());
        });
        return users;
    }

    /** Keeps who the incident's paging paged, in the paging transaction (see {@link #pagedFor}). */
    void rememberPaged(Handle handle, long incidentId, List<String> users, Instant at) {
        for (String user : users) {
            handle.createUpdate("""
                            INSERT INTO incident_paged_people (incident_id, user_id, first_at) VALUES (:incident, :user, :at)
                            ON CONFLICT (incident_id, user_id) DO NOTHING""")
                    .bind("incident", incidentId).bind("user", user).bind("at", at.toEpochMilli()).execute();
        }
    }

    /** Every notification about the incident, oldest first. */
    public List<Notification> notifications(Handle handle, long incidentId) {
        return delivery.store().ofIncident(handle, incidentId);
    }

    /** The latest notifications, newest first, of one user (or everyone's when {@code userId} is null). */
    public List<Notification> recentNotifications(Handle handle, String userId, Long beforeId, int limit) {
        return delivery.store().recent(handle, userId, beforeId, limit);
    }

    public Optional<Notification> notification(Handle handle, long id) {
        return delivery.store().notification(handle, id);
    }

    /** Keeps a step that is due now in the same transaction (so the first page needs no extra timer round). */
    static boolean dueNow(NotificationStep step, Instant now) {
        return !step.at().isAfter(now);
    }
}
