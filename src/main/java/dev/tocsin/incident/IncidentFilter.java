package dev.tocsin.incident;

import dev.tocsin.urgency.Urgency;
import java.util.List;

/**
 * Which incidents to list. Empty status/urgency lists mean "any"; {@code serviceIds} null means any service
 * (a team filter becomes the list of the team's services, possibly empty). {@code held} non-empty keeps only
 * incidents held back for one of these reasons (snoozed, outside support hours, in maintenance).
 */
public record IncidentFilter(List<IncidentStatus> statuses, List<Urgency> urgencies, List<String> serviceIds,
                             String assignedTo, List<Hold.Reason> held) {
    public IncidentFilter(List<IncidentStatus> statuses, List<Urgency> urgencies, List<String> serviceIds, String assignedTo) {
        this(statuses, urgencies, serviceIds, assignedTo, List.of());
    }

    public IncidentFilter {
        held = held == null ? List.of() : List.copyOf(held);
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
        urgencies = urgencies == null ? List.of() : List.copyOf(urgencies);
        serviceIds = serviceIds == null ? null : List.copyOf(serviceIds);
    }
}
