package dev.tocsin.view;

import dev.tocsin.incident.Alert;
import dev.tocsin.incident.Incident;
import dev.tocsin.incident.RecentChange;
import dev.tocsin.incident.TimelineEntry;
import dev.tocsin.incident.AlertTriageStore;
import dev.tocsin.paging.PagingView;

import java.util.List;

/**
 * One incident as every view shows it: the incident, its service's name, who is paged and why, its alerts, its
 * timeline, the changes on its service from an hour before it opened, and what event rules decided (its grouping
 * key, priority and runbook).
 */
public record IncidentDetails(Incident incident, String serviceName, PagingView paging, List<Alert> alerts,
                              List<TimelineEntry> timeline, List<RecentChange> changes, AlertTriageStore.Columns triage) {
}
