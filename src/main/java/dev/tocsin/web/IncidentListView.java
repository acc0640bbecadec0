package dev.tocsin.web;

import dev.tocsin.config.Organisation;
import dev.tocsin.incident.Incident;
import dev.tocsin.incident.IncidentStatus;
import dev.tocsin.service.Service;
import dev.tocsin.team.Team;
import dev.tocsin.urgency.Urgency;

import java.util.ArrayList;
import java.util.List;

/** What the incident list shows: the filters as chosen (they live in the URL), the incidents, and the choices. */
public record IncidentListView(Filters filters, List<Incident> incidents, int openCount, Organisation organisation,
                               String viewer, long liveSince, Long before, Long olderFrom,
                               java.util.Map<Long, dev.tocsin.incident.Hold> holds) {
    /** The list's filters; statuses empty means open (triggered and acknowledged). */
    public record Filters(List<IncidentStatus> statuses, Urgency urgency, String service, String team, boolean mine) {
        static Filters from(List<String> statuses, String urgency, String service, String team, String mine) {
            List<IncidentStatus> chosen = new ArrayList<>();
            boolean all = false;
            for (String status : statuses) {
                if ("all".equals(status)) all = true;
                IncidentStatus.parse(status).ifPresent(chosen::add);
            }
            if (chosen.isEmpty() && !all) chosen = List.of(IncidentStatus.TRIGGERED, IncidentStatus.ACKNOWLEDGED);
            Urgency parsed = null;
            for (Urgency each : Urgency.values()) if (each.wireName().equals(urgency)) parsed = each;
            return new Filters(List.copyOf(chosen), parsed, blankToNull(service), blankToNull(team), "1".equals(mine) || "on".equals(mine));
        }

        /** The status choice as the select box names it: open, triggered, acknowledged, resolved or all. */
        public String statusChoice() {
            if (statuses.isEmpty()) return "all";
            if (statuses.size() == 2 && statuses.contains(IncidentStatus.TRIGGERED) && statuses.contains(IncidentStatus.ACKNOWLEDGED)) return "open";
            return statuses.get(0).wireName();
        }

        /** The query string of these filters, to reload the same list. */
        public String query() {
            StringBuilder query = new StringBuilder();
            String choice = statusChoice();
            if (!choice.equals("open")) append(query, "status", choice);
            if (urgency != null) append(query, "urgency", urgency.wireName());
            if (service != null) append(query, "service", service);
            if (team != null) append(query, "team", team);
            if (mine) append(query, "mine", "1");
            return query.toString();
        }

        private static void append(StringBuilder query, String name, String value) {
            query.append(query.length() == 0 ? "" : "&").append(name).append('=').append(IncidentPages.encode(value));
        }

        private static String blankToNull(String text) {
            return text == null || text.isBlank() ? null : text.trim();
        }
    }

    /** The tab title: how many open incidents the list holds, first, so it reads in a crowded tab bar. */
    public String title() {
        return (openCount > 0 ? "(" + openCount + ") " : "") + "Incidents";
    }

    public String serviceName(String serviceId) {
        return organisation.serviceName(serviceId).orElse(serviceId);
    }

    public List<Service> services() {
        return organisation.document().services();
    }

    public List<Team> teams() {
        return organisation.document().teams();
    }

    public String assignees(Incident incident) {
        if (incident.assignees().isEmpty()) return "nobody";
        return String.join(", ", incident.assignees().stream().map(this::name).toList());
    }

    public String name(String userId) {
        return new Names(organisation, viewer).name(userId);
    }

    /** The list's own URL, to come back to after a bulk action. */
    public String self() {
        String query = filters.query();
        return "/incidents" + (query.isEmpty() ? "" : "?" + query);
    }

    /** The rows of this very page (the same filters and position), reloaded when an incident changes. */
    public String rowsUrl() {
        String query = filters.query() + (before == null ? "" : (filters.query().isEmpty() ? "" : "&") + "before=" + before);
        return "/incidents/rows" + (query.isEmpty() ? "" : "?" + query);
    }

    /** Why the incident is not paged now ("snoozed until 14:00", "held by maintenance …"), or null. */
    public String held(Incident incident) {
        return IncidentPages.heldText(holds.get(incident.id()), new Names(organisation, viewer).viewerZone());
    }

    /** The next, older page of the same list, if there is one. */
    public String olderUrl() {
        if (olderFrom == null) return null;
        String query = filters.query();
        return "/incidents?" + query + (query.isEmpty() ? "" : "&") + "before=" + olderFrom;
    }

    /** Whether this is a later page (so the newest incidents are one link away). */
    public boolean paged() {
        return before != null;
    }
}
