package dev.tocsin.team;

import java.time.ZoneId;
import java.util.List;

/**
 * A group of people who own services together. Managers are the ones told about gaps in the team's
 * schedules and other warnings.
 *
 * @param timezone the team's home time zone, or null if not given
 * @param supportHours the support hours of the team's services that name none of their own, or null
 */
public record Team(String id, String name, ZoneId timezone, List<Membership> members,
                   dev.tocsin.urgency.SupportHours supportHours) {
    public Team {
        members = List.copyOf(members);
    }
}
