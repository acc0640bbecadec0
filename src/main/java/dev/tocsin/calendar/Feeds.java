package dev.tocsin.calendar;

import dev.tocsin.config.Organisation;
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
import java.util.Map;

/**
 * The events of a person's feed (their shifts in every schedule) and of a schedule's feed (each person's
 * shifts, and the gaps). Pure: the configuration, each schedule's final shifts over the window
 * ({@link dev.tocsin.schedule.OnCall#shifts}, computed by the caller) and the window are arguments.
 */
public final class Feeds {
    private Feeds() {
    }

    /** @param shifts schedule id → its final shifts over [window.lookFrom, window.to) */
    public static List<FeedEvent> ofUser(Organisation organisation, Map<String, List<Shift>> shifts, User user,
                                         FeedWindow window) {
        List<FeedEvent> events = new ArrayList<>();
        for (Schedule schedule : organisation.document().schedules()) {
            for (Shift shift : visible(stretchesOf(user.id(), shifts.getOrDefault(schedule.id(), List.of())), window)) {
                events.add(new FeedEvent(uid(schedule.id(), user.id(), shift.start()), shift.start(), shift.end(),
                        "On call: " + schedule.name(), description(schedule, shift, organisation)));
            }
        }
        events.sort(Comparator.comparing(FeedEvent::start).thenComparing(FeedEvent::uid));
        return events;
    }

    /** @param shifts the schedule's final shifts over [window.lookFrom, window.to) */
    public static List<FeedEvent> ofSchedule(Organisation organisation, List<Shift> shifts, Schedule schedule,
                                             FeedWindow window) {
        Set<String> people = new LinkedHashSet<>();
        for (Shift shift : visible(shifts, window)) people.addAll(shift.users());
        List<FeedEvent> events = new ArrayList<>();
        for (String userId : people) {
            String name = organisation.user(userId).map(User::name).orElse(userId);
            for (Shift shift : visible(stretchesOf(userId, shifts), window)) {
                events.add(new FeedEvent(uid(schedule.id(), userId, shift.start()), shift.start(), shift.end(),
                        name + " on call: " + schedule.name(), description(schedule, shift, organisation)));
            }
        }
        for (Shift gap : visible(stretchesOf(null, shifts), window)) {
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

    /**
     * A person's own on-call stretches (or, for null, the gaps): runs of consecutive segments that include
     * them (or have nobody), merged, so a colleague joining mid-shift does not split the person's event.
     */
    static List<Shift> stretchesOf(String userId, List<Shift> shifts) {
        List<Shift> stretches = new ArrayList<>();
        Shift open = null;
        for (Shift shift : shifts) {
            boolean in = userId == null ? shift.users().isEmpty() : shift.users().contains(userId);
            if (in && open != null && open.end().equals(shift.start())) {
                Set<String> together = new LinkedHashSet<>(open.users());
                together.addAll(shift.users());
                open = new Shift(open.start(), shift.end(), together);
            } else if (in) {
                if (open != null) stretches.add(open);
                open = shift;
            } else if (open != null) {
                stretches.add(open);
                open = null;
            }
        }
        if (open != null) stretches.add(open);
        return stretches;
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
