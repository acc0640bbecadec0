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

    private final dev.tocsin.incident.IncidentTriage triage;
    private final dev.tocsin.handover.Handovers handovers;
    private final dev.tocsin.flag.Flags flags;

    public IncidentQueries(Database database, Incidents incidents, Paging paging, Supplier<Organisation> organisation,
                           dev.tocsin.incident.IncidentTriage triage, dev.tocsin.handover.Handovers handovers,
                           dev.tocsin.flag.Flags flags) {
        this.database = database;
        this.incidents = incidents;
        this.paging = paging;
        this.organisation = organisation;
        this.triage = triage;
        this.handovers = handovers;
        this.flags = flags;
    }

    /** The merges an incident took part in: the incident it was merged into, and those merged into it. */
    public dev.tocsin.incident.IncidentTriage.Merges merges(long incidentId) {
        return triage.merges(incidentId);
    }

    /** The incident's handover waiting for an answer, if any. */
    public Optional<dev.tocsin.handover.Handover> pendingHandover(long incidentId) {
        return handovers.pending(incidentId);
    }

    /** Handovers asked of this person and not yet answered. */
    public List<dev.tocsin.handover.Handover> handoversAskedOf(String userId) {
        return handovers.askedOf(userId);
    }

    /** The incident's open handover flags, newest first. */
    public List<dev.tocsin.flag.Flag> openFlags(long incidentId) {
        return flags.list(Boolean.TRUE, incidentId);
    }

    public List<Incident> list(IncidentFilter filter, Long beforeId, int limit) {
        return incidents.list(filter, beforeId, limit);
    }

    /**
     * Incidents as lists show them: each with {@code hold} ({@code {reason, until, window_id}}: snoozed, waiting for
     * support hours, or held by maintenance) or null, and {@code snoozed_until} for a snoozed one.
     */
    /** Why each of these incidents is not paged now (snoozed, held by support hours or maintenance), if it is held. */
    public java.util.Map<Long, dev.tocsin.incident.Hold> holds(List<Long> incidentIds) {
        return incidents.holds(incidentIds);
    }

    public List<com.fasterxml.jackson.databind.node.ObjectNode> withHolds(List<Incident> page) {
        java.util.Map<Long, dev.tocsin.incident.Hold> holds = incidents.holds(page.stream().map(Incident::id).toList());
        return page.stream().map(incident -> {
            com.fasterxml.jackson.databind.node.ObjectNode node = dev.tocsin.json.Json.mapper().valueToTree(incident);
            dev.tocsin.incident.Hold hold = holds.get(incident.id());
            if (hold == null) {
                node.putNull("hold");
            } else {
                com.fasterxml.jackson.databind.node.ObjectNode shown = node.putObject("hold");
                shown.put("reason", hold.reason().wireName()).put("until", hold.until().toString());
                if (hold.windowId() == null) shown.putNull("window_id"); else shown.put("window_id", hold.windowId());
            }
            node.put("snoozed_until", hold != null && hold.reason() == dev.tocsin.incident.Hold.Reason.SNOOZE
                    ? hold.until().toString() : null);
            return node;
        }).toList();
    }

    /** The incident's hold, if it is snoozed or held back. */
    public Optional<dev.tocsin.incident.Hold> hold(long id) {
        return incidents.hold(id);
    }

    public Optional<IncidentDetails> details(long id) {
        return incidents.find(id).map(found -> new IncidentDetails(found.incident(),
                organisation.get().serviceName(found.incident().serviceId()).orElse(null), paging(id), found.alerts(),
                found.timeline(), incidents.changesAround(found.incident()),
                database.jdbi().withHandle(handle -> dev.tocsin.incident.AlertTriageStore.columns(handle, id))));
    }

    /** The alerts event rules suppressed on a service, newest first. */
    public List<dev.tocsin.incident.AlertTriageStore.SuppressedAlert> suppressed(String serviceId, int limit) {
        return database.jdbi().withHandle(handle -> dev.tocsin.incident.AlertTriageStore.suppressed(handle, serviceId, limit));
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
