package dev.tocsin.oncall;

import dev.tocsin.config.Organisation;
import dev.tocsin.escalation.EscalationLevel;
import dev.tocsin.escalation.EscalationPolicy;
import dev.tocsin.escalation.Target;
import dev.tocsin.schedule.FixedShift;
import dev.tocsin.schedule.Layer;
import dev.tocsin.schedule.Participant;
import dev.tocsin.schedule.Schedule;
import dev.tocsin.service.Service;
import dev.tocsin.team.Membership;
import dev.tocsin.team.Team;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who a schedule belongs to. A schedule names no team; its teams are those owning a service whose escalation
 * policy pages the schedule. Its people ("the team" a cover request goes to) are everyone taking turns in its
 * layers plus the members of those teams.
 */
public final class ScheduleTeam {
    private ScheduleTeam() {
    }

    /** Users taking turns in any layer of the schedule (or with a fixed shift in one), in order of first appearance. */
    public static Set<String> participants(Schedule schedule) {
        Set<String> users = new LinkedHashSet<>();
        for (Layer layer : schedule.layers()) {
            for (Participant participant : layer.users()) users.addAll(participant.users());
            for (FixedShift shift : layer.shifts()) users.add(shift.userId());
        }
        return users;
    }

    /** Teams owning a service whose policy targets the schedule. */
    public static List<Team> teams(Organisation organisation, String scheduleId) {
        Set<String> teamIds = new LinkedHashSet<>();
        for (Service service : organisation.document().services()) {
            if (service.team() == null) continue;
            if (service.escalationPolicy() == null) continue;
            EscalationPolicy policy = organisation.escalationPolicy(service.escalationPolicy()).orElse(null);
            if (policy == null) continue;
            for (EscalationLevel level : policy.levels()) {
                for (Target target : level.targets()) {
                    if (target.kind() == Target.Kind.SCHEDULE && target.id().equals(scheduleId)) teamIds.add(service.team());
                }
            }
        }
        return teamIds.stream().flatMap(id -> organisation.team(id).stream()).toList();
    }

    /** Participants plus members of the owning teams. */
    public static Set<String> people(Organisation organisation, Schedule schedule) {
        Set<String> people = new LinkedHashSet<>(participants(schedule));
        for (Team team : teams(organisation, schedule.id())) {
            for (Membership member : team.members()) people.add(member.user());
        }
        return people;
    }

    /** True if the user manages one of the schedule's teams. */
    public static boolean isManager(Organisation organisation, String scheduleId, String userId) {
        return teams(organisation, scheduleId).stream().flatMap(team -> team.members().stream())
                .anyMatch(member -> member.user().equals(userId) && member.role() == Membership.Role.MANAGER);
    }
}
