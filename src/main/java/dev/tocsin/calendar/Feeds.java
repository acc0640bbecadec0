package dev.tocsin.calendar;

import dev.tocsin.config.Organisation;
import dev.tocsin.schedule.OnCall;
import dev.tocsin.schedule.Schedule;
import dev.tocsin.schedule.Shift;
import dev.tocsin.user.User;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The events of a person's feed (their shifts in every schedule) and of a schedule's feed (each person's
 * shifts, and the gaps). Pure: the configuration, the schedules' on-call answers and the time are arguments.
 */
public final class Feeds {
    private Feeds() {
    }

    public static List<FeedEvent> ofUser(Organisation organisation, Function<String, OnCall> onCall, User user,
                                         FeedWindow window) {
        List<FeedEvent> events = new ArrayList<>();
        for (Schedule schedule : organisation.document().schedules()) {
            for (Shift shift : visible(onCall.apply(schedule.id()).shiftsOf(user.id(), window.lookFrom(), window.to()), window)) {
                events.add(new FeedEvent(uid(schedule.id(), user.id(), shift.start()), shift.start(), shift.end(),
                        "On call: " + schedule.name(), description(schedule, shift, organisation)));
            }
        }
        events.sort(Comparator.comparing(FeedEvent::start).thenComparing(FeedEvent::uid));
        return events;
    }

    public static List<FeedEvent> ofSchedule(Organisation organisation, Function<String, OnCall> onCall,
                                             Schedule schedule, FeedWindow window) {
        OnCall answers = onCall.apply(schedule.id());
        Set<String> people = new LinkedHashSet<>();
        for (Shift shift : visible(answers.shifts(window.lookFrom(), window.to()), window)) people.addAll(shift.users());
        List<FeedEvent> events = new ArrayList<>();
        for (String userId : people) {
            String name = organisation.user(userId).map(User::name).orElse(userId);
            for (Shift shift : visible(answers.shiftsOf(userId, window.lookFrom(), window.to()), window)) {
                events.add(new FeedEvent(uid(schedule.id(), userId, shift.start()), shift.start(), shift.end(),
                        name + " on call: " + schedule.name(), description(schedule, shift, organisation)));
            }
        }
        for (Shift gap : visible(answers.gaps(window.lookFrom(), window.to()), window)) {
            events.add(new FeedEvent(uid(schedule.id(), "", gap.start()), gap.start(), gap.end(),
                    "Nobody on call: " + schedule.name(), "Gap in schedule " + schedule.id() + ": nobody is on call."));
        }
        events.sort(Comparator.comparing(FeedEvent::start).thenComparing(FeedEvent::uid));
        return events;
    }

    /**
     * A shift's UID: a hash of schedule, user and start (empty user for a gap). The same shift gets the same
     * UID on every refresh and in both the person's and the schedule's feed; a shift that changes its start
     * (an override splits it) is a different event.
     */
    public static String uid(String scheduleId, String userId, Instant start) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    (scheduleId + "\n" + userId + "\n" + start.getEpochSecond()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16) + "@tocsin";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static List<Shift> visible(List<Shift> shifts, FeedWindow window) {
        return shifts.stream().filter(shift -> shift.end().isAfter(window.from()) && shift.end().isAfter(shift.start())).toList();
    }

    private static String description(Schedule schedule, Shift shift, Organisation organisation) {
        List<String> names = shift.users().stream().sorted()
                .map(id -> organisation.user(id).map(User::name).orElse(id)).toList();
        String who = names.size() <= 1 ? "" : "\nOn call together: " + String.join(", ", names);
        return "Schedule " + schedule.name() + " (" + schedule.id() + ")" + who;
    }
}
