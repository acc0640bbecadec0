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

    public AlertIntake(Database database, IntegrationKeys keys, IncidentStore store, Clock clock,
                       MeterRegistry metrics, IncidentObserver observer) {
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
        for (AlertEvent event : events) {
            Optional<String> serviceId = keys.serviceOf(event.integrationKey());
            if (serviceId.isEmpty()) {
                return CompletableFuture.failedFuture(new IllegalArgumentException(
                        "integration key '" + event.integrationKey() + "' is not configured"));
            }
            serviceIds.add(serviceId.get());
        }
        String orderKey = orderKey(events);
        return database.write(orderKey, handle -> {
            List<AlertOutcome> outcomes = new ArrayList<>(events.size());
            for (int i = 0; i < events.size(); i++) {
                outcomes.add(apply(handle, events.get(i), serviceIds.get(i), receivedAt));
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
        AlertEvent first = events.get(0);
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
        AlertOutcome outcome = apply(handle, event, serviceId, at);
        if (outcome.result() == AlertOutcome.Result.CREATED) handle.afterCommit(incidentsOpened::increment);
        return outcome;
    }

    private AlertOutcome apply(Handle handle, AlertEvent event, String serviceId, Instant at) {
        AlertOutcome outcome = switch (event.action()) {
            case TRIGGER -> store.touchOpenAlert(handle, event.integrationKey(), event.dedupKey(), at)
                    .map(alert -> new AlertOutcome(AlertOutcome.Result.DEDUPLICATED, event.dedupKey(), alert.alertId(),
                            alert.incidentId()))
                    .orElseGet(() -> openIncident(handle, event, serviceId, at));
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

    private AlertOutcome openIncident(Handle handle, AlertEvent event, String serviceId, Instant at) {
        long incidentId = store.nextId(handle, "incident");
        long alertId = store.nextId(handle, "alert");
        Incident incident = IncidentLifecycle.open(incidentId, serviceId, event, at);
        store.insertIncident(handle, incident);
        store.insertAlert(handle, new Alert(alertId, incidentId, serviceId, event.integrationKey(), event.dedupKey(),
                true, incident.title(), event.severity(), event.source(), event.component(), event.group(),
                event.alertClass(), event.details(), event.links(), at, at, null, 1, at));
        store.insertTimeline(handle, IncidentLifecycle.triggeredEntry(incident, alertId, event, actor(event)));
        observer.opened(handle, incident, at);
        return new AlertOutcome(AlertOutcome.Result.CREATED, event.dedupKey(), alertId, incidentId);
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
