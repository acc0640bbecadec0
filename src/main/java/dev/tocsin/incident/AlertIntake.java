package dev.tocsin.incident;

import dev.tocsin.store.Database;
import dev.tocsin.trace.Actor;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jdbi.v3.core.Handle;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Applies alert events durably: each event is recorded, and opens, counts, acknowledges or resolves the alert
 * with its dedup key on its integration. The returned future completes once all of it is committed, so an
 * ingest endpoint answers 2xx only for what will survive a crash.
 */
public final class AlertIntake {
    private static final java.util.Set<String> SINGLE_EVENT_FORMATS = java.util.Set.of("events-v2", "events-v1", "generic");

    private final Database database;
    private final IntegrationKeys keys;
    private final IncidentStore store;
    private final Clock clock;
    private final Counter incidentsOpened;
    private final IncidentObserver observer;
    private final AlertRules rules;
    private final MeterRegistry metrics;

    public AlertIntake(Database database, IntegrationKeys keys, IncidentStore store, Clock clock,
                       MeterRegistry metrics, IncidentObserver observer) {
        this(database, keys, store, clock, metrics, observer, AlertRules.NONE);
    }

    public AlertIntake(Database database, IntegrationKeys keys, IncidentStore store, Clock clock,
                       MeterRegistry metrics, IncidentObserver observer, AlertRules rules) {
        this.rules = rules;
        this.metrics = metrics;
        this.observer = observer;
        this.database = database;
        this.keys = keys;
        this.store = store;
        this.clock = clock;
        this.incidentsOpened = Counter.builder("tocsin.incidents.opened")
                .description("Incidents opened by alert events").register(metrics);
    }

    /** Applies the events in order, in one transaction; outcomes are in the same order. */
    public CompletableFuture<List<AlertOutcome>> submit(List<AlertEvent> events) {
        Instant receivedAt = clock.instant();
        List<String> serviceIds = new ArrayList<>(events.size());
        List<AlertTriage> triages = new ArrayList<>(events.size());
        for (AlertEvent event : events) {
            Optional<String> serviceId = keys.serviceOf(event.integrationKey());
            if (serviceId.isEmpty()) {
                return CompletableFuture.failedFuture(new IllegalArgumentException(
                        "integration key '" + event.integrationKey() + "' is not configured"));
            }
            serviceIds.add(serviceId.get());
            // Rules run on triggers only: an acknowledge or resolve must always reach the alert it belongs to.
            triages.add(event.action() == AlertAction.TRIGGER ? rules.triage(event, serviceId.get()) : AlertTriage.NONE);
        }
        String orderKey = orderKey(events, serviceIds, triages);
        return database.write(orderKey, handle -> {
            List<AlertOutcome> outcomes = new ArrayList<>(events.size());
            for (int i = 0; i < events.size(); i++) {
                outcomes.add(apply(handle, events.get(i), serviceIds.get(i), triages.get(i), receivedAt));
            }
            return outcomes;
        }).thenApply(outcomes -> {
            outcomes.stream().filter(o -> o.result() == AlertOutcome.Result.CREATED).forEach(o -> incidentsOpened.increment());
            return outcomes;
        });
    }

    /**
     * Events for one alert must apply in order. Webhooks that carry many alerts (Alertmanager, Grafana) keep
     * their whole integration in order; senders of one event per request (PagerDuty, generic) only need each
     * alert in order, which lets different alerts of one key commit in parallel on PostgreSQL.
     */
    static String orderKey(List<AlertEvent> events) {
        return orderKey(events, null, null);
    }

    /**
     * As above, and a single trigger with a grouping key is ordered by its group instead, so that two alerts of one
     * group never race each other in two writer lanes (see {@link Grouper} for several nodes).
     */
    static String orderKey(List<AlertEvent> events, List<String> serviceIds, List<AlertTriage> triages) {
        AlertEvent first = events.get(0);
        if (events.size() == 1 && triages != null && triages.get(0).groupKey() != null) {
            return "group\n" + triages.get(0).serviceOr(serviceIds.get(0)) + "\n" + triages.get(0).groupKey().value();
        }
        boolean oneAlertPerRequest = events.stream().allMatch(event -> SINGLE_EVENT_FORMATS.contains(event.format()));
        return oneAlertPerRequest && events.size() == 1 ? first.integrationKey() + "\n" + first.dedupKey()
                : first.integrationKey();
    }

    /** Stores a change event durably. */
    public CompletableFuture<Void> submitChange(ChangeEvent change) {
        Instant receivedAt = clock.instant();
        return database.write(handle -> {
            store.insertChange(handle, change, receivedAt);
            return null;
        });
    }

    /**
     * Applies one event inside a write the caller already holds (a timer handler, a heartbeat ping), exactly as
     * {@link #submit} would: opens, counts, acknowledges or resolves the alert with the event's dedup key on
     * {@code serviceId}. It commits with the caller's transaction.
     */
    public AlertOutcome applyWithin(Handle handle, AlertEvent event, String serviceId, Instant at) {
        AlertTriage triage = event.action() == AlertAction.TRIGGER ? rules.triage(event, serviceId) : AlertTriage.NONE;
        AlertOutcome outcome = apply(handle, event, serviceId, triage, at);
        if (outcome.result() == AlertOutcome.Result.CREATED) handle.afterCommit(incidentsOpened::increment);
        return outcome;
    }

    private AlertOutcome apply(Handle handle, AlertEvent event, String serviceId, AlertTriage triage, Instant at) {
        if (triage.droppedBy() != null) {
            // Dropped on purpose by a rule: not stored, only counted (tocsin.events.dropped{rule}).
            handle.afterCommit(() -> metrics.counter("tocsin.events.dropped", "rule", triage.droppedBy()).increment());
            return new AlertOutcome(AlertOutcome.Result.DROPPED_BY_RULE, event.dedupKey(), null, null);
        }
        AlertOutcome outcome = switch (event.action()) {
            case TRIGGER -> store.touchOpenAlert(handle, event.integrationKey(), event.dedupKey(), at)
                    .map(alert -> new AlertOutcome(AlertOutcome.Result.DEDUPLICATED, event.dedupKey(), alert.alertId(),
                            alert.incidentId()))
                    .orElseGet(() -> triage.suppressedBy() != null ? suppress(handle, event, serviceId, triage, at)
                            : openOrJoin(handle, event, serviceId, triage, at));
            case ACKNOWLEDGE -> store.findOpenAlert(handle, event.integrationKey(), event.dedupKey())
                    .map(alert -> acknowledge(handle, alert, event, at))
                    .orElseGet(() -> dropped(event));
            case RESOLVE -> store.findOpenAlert(handle, event.integrationKey(), event.dedupKey())
                    .map(alert -> resolve(handle, alert, event, at))
                    .orElseGet(() -> dropped(event));
        };
        store.insertEvent(handle, event, outcome, at);
        return outcome;
    }

    private AlertOutcome suppress(Handle handle, AlertEvent event, String serviceId, AlertTriage triage, Instant at) {
        AlertTriageStore.insertSuppressed(handle, triage.serviceOr(serviceId), event, triage.suppressedBy(), at);
        return new AlertOutcome(AlertOutcome.Result.SUPPRESSED, event.dedupKey(), null, null);
    }

    private AlertOutcome openOrJoin(Handle handle, AlertEvent event, String integrationService, AlertTriage triage, Instant at) {
        String serviceId = triage.serviceOr(integrationService);
        if (triage.groupKey() != null) {
            Optional<Incident> group = Grouper.openIncident(handle, store, serviceId, triage, at);
            if (group.isPresent()) return join(handle, group.get(), event, serviceId, triage, at);
        }
        return openIncident(handle, event, serviceId, integrationService, triage, at);
    }

    private AlertOutcome openIncident(Handle handle, AlertEvent event, String serviceId, String integrationService,
                                      AlertTriage triage, Instant at) {
        long incidentId = store.nextId(handle, "incident");
        long alertId = store.nextId(handle, "alert");
        Incident incident = IncidentLifecycle.open(incidentId, serviceId, event,
                triage.urgency() == null ? event.severity().defaultUrgency() : triage.urgency().value(), at);
        store.insertIncident(handle, incident);
        store.insertAlert(handle, alertOf(alertId, incidentId, serviceId, event, incident.title(), at));
        if (triage != AlertTriage.NONE) {
            AlertTriageStore.set(handle, incidentId, triage.groupKey() == null ? null : triage.groupKey().value(),
                    triage.priority() == null ? null : triage.priority().value(),
                    triage.runbook() == null ? null : triage.runbook().value());
        }
        store.insertTimeline(handle, IncidentLifecycle.triggeredEntry(incident, alertId, event, actor(event)));
        for (TimelineEntry entry : TriageEntries.opened(incident, triage, integrationService, at)) store.insertTimeline(handle, entry);
        observer.opened(handle, incident, at);
        return new AlertOutcome(AlertOutcome.Result.CREATED, event.dedupKey(), alertId, incidentId);
    }

    /** The alert joins an open incident of its group: counted on it, nobody paged again. */
    private AlertOutcome join(Handle handle, Incident incident, AlertEvent event, String serviceId, AlertTriage triage, Instant at) {
        long alertId = store.nextId(handle, "alert");
        store.insertAlert(handle, alertOf(alertId, incident.id(), serviceId, event, IncidentLifecycle.titleOf(event), at));
        Transition.Changed joined = IncidentLifecycle.alertJoined(incident, alertId, event, triage.groupKey(), actor(event), at);
        store.updateIncident(handle, joined.incident());
        joined.entries().forEach(entry -> store.insertTimeline(handle, entry));
        for (TimelineEntry entry : TriageEntries.notes(incident, triage, at)) store.insertTimeline(handle, entry);
        return new AlertOutcome(AlertOutcome.Result.GROUPED, event.dedupKey(), alertId, incident.id());
    }

    private static Alert alertOf(long alertId, long incidentId, String serviceId, AlertEvent event, String summary, Instant at) {
        return new Alert(alertId, incidentId, serviceId, event.integrationKey(), event.dedupKey(), true, summary,
                event.severity(), event.source(), event.component(), event.group(), event.alertClass(), event.details(),
                event.links(), at, at, null, 1, at);
    }

    private AlertOutcome acknowledge(Handle handle, IncidentStore.OpenAlert alert, AlertEvent event, Instant at) {
        Incident incident = store.findIncident(handle, alert.incidentId()).orElseThrow();
        Transition transition = IncidentLifecycle.acknowledge(incident, actor(event), dev.tocsin.trace.Channel.EVENT, at);
        apply(handle, incident, transition, at);
        store.touchAlert(handle, alert.alertId(), at);
        return new AlertOutcome(AlertOutcome.Result.ACKNOWLEDGED, event.dedupKey(), alert.alertId(), alert.incidentId());
    }

    private AlertOutcome resolve(Handle handle, IncidentStore.OpenAlert alert, AlertEvent event, Instant at) {
        store.resolveAlert(handle, alert.alertId(), at);
        Incident incident = store.findIncident(handle, alert.incidentId()).orElseThrow();
        apply(handle, incident, IncidentLifecycle.alertResolved(incident, alert.alertId(), event.dedupKey(), actor(event), at), at);
        return new AlertOutcome(AlertOutcome.Result.RESOLVED, event.dedupKey(), alert.alertId(), alert.incidentId());
    }

    private void apply(Handle handle, Incident before, Transition transition, Instant at) {
        if (transition instanceof Transition.Changed changed) {
            store.updateIncident(handle, changed.incident());
            changed.entries().forEach(entry -> store.insertTimeline(handle, entry));
            Incident after = changed.incident();
            if (after.status() != before.status()) {
                observer.changed(handle, before, after, after.status() == IncidentStatus.RESOLVED ? after.resolvedBy()
                        : after.acknowledgedBy(), at);
            }
        }
    }

    private static AlertOutcome dropped(AlertEvent event) {
        return new AlertOutcome(AlertOutcome.Result.DROPPED, event.dedupKey(), null, null);
    }

    private static Actor actor(AlertEvent event) {
        String source = event.source() == null || event.source().isBlank() ? "" : " (" + event.source() + ")";
        return Actor.integration(event.format() + source);
    }
}
