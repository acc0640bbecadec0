package dev.tocsin.team;

import java.time.ZoneId;
import java.util.List;

/**
 * A group of people who own services together. Managers are the ones told about gaps in the team's
 * schedules and other warnings.
 *
 * @param timezone the team's home time zone, or null if not given
 */
public record Team(String id, String name, ZoneId timezone, List<Membership> members) {
    public Team {
        members = List.copyOf(members);
    }
}
