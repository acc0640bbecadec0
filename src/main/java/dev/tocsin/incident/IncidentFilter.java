package dev.tocsin.incident;

import dev.tocsin.urgency.Urgency;
import java.util.List;

/**
 * Which incidents to list. Empty status/urgency lists mean "any"; {@code serviceIds} null means any service
 * (a team filter becomes the list of the team's services, possibly empty).
 */
public record IncidentFilter(List<IncidentStatus> statuses, List<Urgency> urgencies, List<String> serviceIds,
                             String assignedTo) {
    public IncidentFilter {
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
        urgencies = urgencies == null ? List.of() : List.copyOf(urgencies);
        serviceIds = serviceIds == null ? null : List.copyOf(serviceIds);
    }
}
