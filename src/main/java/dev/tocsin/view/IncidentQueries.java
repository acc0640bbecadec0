package dev.tocsin.view;

import dev.tocsin.config.Organisation;
import dev.tocsin.incident.Incident;
import dev.tocsin.incident.IncidentFilter;
import dev.tocsin.incident.Incidents;
import dev.tocsin.delivery.Notification;
import dev.tocsin.paging.Paging;
import dev.tocsin.paging.PagingView;
import dev.tocsin.refusal.Refusal;
import dev.tocsin.store.Database;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one query service behind every view of incidents (the API now; the web UI and chat next): it builds the
 * typed read models — {@link IncidentDetails}, {@link PagingView}, lists of incidents and notifications — so no
 * route or template assembles them itself.
 */
public final class IncidentQueries {
    private final Database database;
    private final Incidents incidents;
    private final Paging paging;
    private final Supplier<Organisation> organisation;

    public IncidentQueries(Database database, Incidents incidents, Paging paging, Supplier<Organisation> organisation) {
        this.database = database;
        this.incidents = incidents;
        this.paging = paging;
        this.organisation = organisation;
    }

    public List<Incident> list(IncidentFilter filter, Long beforeId, int limit) {
        return incidents.list(filter, beforeId, limit);
    }

    public Optional<IncidentDetails> details(long id) {
        return incidents.find(id).map(found -> new IncidentDetails(found.incident(),
                organisation.get().serviceName(found.incident().serviceId()).orElse(null), paging(id), found.alerts(),
                found.timeline(), incidents.changesAround(found.incident()),
                database.jdbi().withHandle(handle -> dev.tocsin.incident.TriageStore.columns(handle, id))));
    }

    /** The alerts event rules suppressed on a service, newest first. */
    public List<dev.tocsin.incident.TriageStore.SuppressedAlert> suppressed(String serviceId, int limit) {
        return database.jdbi().withHandle(handle -> dev.tocsin.incident.TriageStore.suppressed(handle, serviceId, limit));
    }

    /** Who is paged for the incident and why; refused as not found for an unknown incident. */
    public PagingView paging(long incidentId) {
        if (incidents.findIncident(incidentId).isEmpty()) throw Refusal.notFound("incident #" + incidentId);
        return database.jdbi().withHandle(handle ->
                PagingView.of(incidentId, paging.escalation(handle, incidentId), paging.notifications(handle, incidentId)));
    }

    /**
     * The latest notifications, newest first, as the API shows them; one user's, or everyone's for null; only those
     * older than {@code beforeId} when it is given (the next page).
     */
    public List<Notification> notifications(String userId, Long beforeId, int limit) {
        return database.jdbi().withHandle(handle -> paging.recentNotifications(handle, userId, beforeId, limit)).stream()
                .map(Notification::shown).toList();
    }

    /**
     * The newest timeline entry's id: a live view records it before it reads, and when its live connection opens asks
     * {@link #changedSince} what changed in between.
     */
    public long lastChange() {
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT COALESCE(MAX(id), 0) FROM timeline")
                .mapTo(Long.class).one());
    }

    /** Incidents with a timeline entry newer than {@code afterId}, at most {@code limit} of them. */
    public List<Long> changedSince(long afterId, int limit) {
        return database.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT DISTINCT incident_id FROM timeline WHERE id > :after ORDER BY incident_id LIMIT :limit")
                .bind("after", afterId).bind("limit", limit).mapTo(Long.class).list());
    }

    public Optional<Notification> notification(long id) {
        return database.jdbi().withHandle(handle -> paging.notification(handle, id)).map(Notification::shown);
    }
}
