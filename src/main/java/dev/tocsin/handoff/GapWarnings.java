package dev.tocsin.handoff;

import dev.tocsin.config.Organisation;
import dev.tocsin.notice.Notice;
import dev.tocsin.oncall.ScheduleTeam;
import dev.tocsin.oncall.Times;
import dev.tocsin.schedule.OnCall;
import dev.tocsin.schedule.Schedule;
import dev.tocsin.schedule.Shift;
import dev.tocsin.team.Membership;
import dev.tocsin.team.Team;
import dev.tocsin.user.User;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Warnings to a schedule's team managers about uncovered time in the next {@link #DEFAULT_DAYS} days. The
 * schedule's teams are those owning a service whose escalation policy pages it ({@link ScheduleTeam}); a
 * schedule no service uses has no managers to tell. Each gap is told once: its key is the schedule and the
 * moment the gap starts, so the same gap seen again a minute later (its end cut differently by the moving
 * horizon) is not a new gap, while a gap whose start moves (someone covered part of it) is.
 */
public final class GapWarnings {
    public static final int DEFAULT_DAYS = 14;
    /**
     * How far back a gap's start is looked for, so a gap that has begun is still recognised by its real start.
     * Gaps whose start lies further back (a schedule that has never had anyone) are left to {@code tocsin gaps}.
     */
    public static final Duration LOOKBACK = Duration.ofDays(1);

    private GapWarnings() {
    }

    public static List<Notice> plan(Organisation organisation, Schedule schedule, OnCall onCall, Instant now, int days) {
        Set<String> managers = new LinkedHashSet<>();
        List<Team> teams = ScheduleTeam.teams(organisation, schedule.id());
        for (Team team : teams) {
            for (Membership member : team.members()) if (member.role() == Membership.Role.MANAGER) managers.add(member.user());
        }
        if (managers.isEmpty()) return List.of();
        Instant from = now.minus(LOOKBACK);
        Instant to = now.plus(Duration.ofDays(days));
        String label = ScheduleLabel.of(organisation, schedule);
        List<Notice> notices = new ArrayList<>();
        for (Shift gap : onCall.gaps(from, to)) {
            if (gap.start().equals(from) || !gap.end().isAfter(now)) continue;
            for (String managerId : managers) {
                Optional<User> manager = organisation.user(managerId);
                if (manager.isEmpty()) continue;
                var zone = manager.get().timezone();
                String until = gap.end().equals(to) ? "at least " + Times.human(gap.end(), zone) : Times.human(gap.end(), zone);
                String subject = "Nobody is on call for " + label + " from " + Times.human(gap.start(), zone);
                String body = "Schedule " + label + " has nobody on call from " + Times.human(gap.start(), zone)
                        + " until " + until + ".\n\nYou are told because you manage "
                        + String.join(", ", teams.stream().map(ScheduleLabel::name).toList())
                        + ". Cover it with an override: tocsin override add --schedule " + schedule.id()
                        + " --user USER --from " + gap.start() + " --to " + gap.end();
                String key = "gap:" + schedule.id() + ":" + managerId + ":" + gap.start().toEpochMilli();
                notices.add(Notice.of(managerId, "gap", key, subject, body, now, now));
            }
        }
        return notices;
    }
}
