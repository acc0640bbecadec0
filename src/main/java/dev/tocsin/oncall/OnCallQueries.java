package dev.tocsin.oncall;

import dev.tocsin.config.Organisation;
import dev.tocsin.escalation.EscalationLevel;
import dev.tocsin.escalation.EscalationPolicy;
import dev.tocsin.escalation.Target;
import dev.tocsin.refusal.Refusal;
import dev.tocsin.schedule.Schedule;
import dev.tocsin.schedule.Shift;
import dev.tocsin.service.Service;
import dev.tocsin.team.Membership;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The questions asked of schedules beyond "who is on call in this one": for an escalation level, for a service
 * (its policy's first level), a user's shifts across all schedules, and gaps in all schedules.
 */
public final class OnCallQueries {
    /** Who one level of a policy reaches at an instant. */
    public record LevelOnCall(int level, List<String> targets, Set<String> users) {
    }

    /** A stretch of one schedule: a user's shift, or a gap. */
    public record ScheduleShift(String scheduleId, Instant start, Instant end, Set<String> users) {
    }

    private final OnCallService onCall;

    public OnCallQueries(OnCallService onCall) {
        this.onCall = onCall;
    }

    public List<LevelOnCall> forPolicy(String policyId, Instant at) {
        EscalationPolicy policy = onCall.organisation().escalationPolicy(policyId)
                .orElseThrow(() -> Refusal.notFound("escalation policy '" + policyId + "'"));
        List<LevelOnCall> levels = new ArrayList<>();
        int number = 1;
        for (EscalationLevel level : policy.levels()) {
            levels.add(new LevelOnCall(number++, level.targets().stream().map(Target::toString).toList(),
                    resolve(level.targets(), at)));
        }
        return levels;
    }

    /** Who a service's incident would page first: its escalation policy's first level. */
    public Set<String> forService(String serviceId, Instant at) {
        Service service = onCall.organisation().service(serviceId)
                .orElseThrow(() -> Refusal.notFound("service '" + serviceId + "'"));
        if (service.escalationPolicy() == null) return Set.of();
        List<LevelOnCall> levels = forPolicy(service.escalationPolicy(), at);
        return levels.isEmpty() ? Set.of() : levels.get(0).users();
    }

    /** The users a level's targets reach at the instant, in target order. */
    public Set<String> resolve(List<Target> targets, Instant at) {
        Organisation organisation = onCall.organisation();
        Set<String> users = new LinkedHashSet<>();
        for (Target target : targets) {
            switch (target.kind()) {
                case SCHEDULE -> {
                    if (organisation.schedule(target.id()).isPresent()) {
                        users.addAll(new java.util.TreeSet<>(onCall.forSchedule(target.id()).at(at)));
                    }
                }
                case USER -> users.add(target.id());
                case TEAM -> organisation.team(target.id())
                        .ifPresent(team -> team.members().stream().map(Membership::user).forEach(users::add));
            }
        }
        return users;
    }

    /** A user's on-call stretches in every schedule, by start. */
    public List<ScheduleShift> shiftsOfUser(String userId, Instant from, Instant to) {
        Organisation organisation = onCall.organisation();
        if (!organisation.hasUser(userId)) throw Refusal.notFound("user '" + userId + "'");
        List<ScheduleShift> shifts = new ArrayList<>();
        for (Schedule schedule : organisation.document().schedules()) {
            for (Shift shift : onCall.forSchedule(schedule.id()).shiftsOf(userId, from, to)) {
                shifts.add(new ScheduleShift(schedule.id(), shift.start(), shift.end(), shift.users()));
            }
        }
        shifts.sort(Comparator.comparing(ScheduleShift::start).thenComparing(ScheduleShift::scheduleId));
        return shifts;
    }

    /** Time with nobody on call, per schedule, by start. */
    public List<ScheduleShift> gaps(Instant from, Instant to) {
        List<ScheduleShift> gaps = new ArrayList<>();
        for (Schedule schedule : onCall.organisation().document().schedules()) {
            for (Shift gap : onCall.forSchedule(schedule.id()).gaps(from, to)) {
                gaps.add(new ScheduleShift(schedule.id(), gap.start(), gap.end(), Set.of()));
            }
        }
        gaps.sort(Comparator.comparing(ScheduleShift::start).thenComparing(ScheduleShift::scheduleId));
        return gaps;
    }
}
