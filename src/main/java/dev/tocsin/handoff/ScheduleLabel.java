package dev.tocsin.handoff;

import dev.tocsin.config.Organisation;
import dev.tocsin.oncall.ScheduleTeam;
import dev.tocsin.schedule.Schedule;
import dev.tocsin.team.Team;

import java.util.stream.Collectors;

/** How a schedule is named to people: "Platform primary, Platform Engineering" (its name, then its teams). */
final class ScheduleLabel {
    private ScheduleLabel() {
    }

    static String of(Organisation organisation, Schedule schedule) {
        String name = schedule.name() == null ? schedule.id() : schedule.name();
        String teams = ScheduleTeam.teams(organisation, schedule.id()).stream()
                .map(team -> team.name() == null ? team.id() : team.name())
                .collect(Collectors.joining(", "));
        return teams.isEmpty() ? name : name + ", " + teams;
    }

    static String name(Team team) {
        return team.name() == null ? team.id() : team.name();
    }
}
