package dev.tocsin.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Short ways to write schedules, layers and overrides in tests. */
final class Build {
    private Build() {
    }

    static Schedule schedule(String zone, Layer... layers) {
        return new Schedule("s", "S", null, ZoneId.of(zone), Arrays.asList(layers));
    }

    /** A layer; users are "alice" or "bob+carol" (a group). */
    static Layer layer(String every, String handoff, String starts, List<String> users, String... only) {
        return layer(null, null, every, handoff, starts, null, users, only);
    }

    static Layer layer(Integer priority, String zone, String every, String handoff, String starts, String ends,
                       List<String> users, String... only) {
        List<Participant> participants = new ArrayList<>();
        for (String user : users) participants.add(new Participant(Arrays.asList(user.split("\\+"))));
        List<Window> windows = new ArrayList<>();
        for (String window : only) windows.add(Window.parse(window));
        return new Layer("layer", priority, zone == null ? null : ZoneId.of(zone),
                new Rotation(duration(every), Handoff.parse(handoff), LocalDate.parse(starts),
                        ends == null ? null : LocalDate.parse(ends)), participants, windows);
    }

    static Duration duration(String text) {
        long amount = Long.parseLong(text.substring(0, text.length() - 1));
        return switch (text.charAt(text.length() - 1)) {
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            case 'd' -> Duration.ofDays(amount);
            case 'w' -> Duration.ofDays(7 * amount);
            default -> throw new IllegalArgumentException(text);
        };
    }

    static Override override(String user, String replacing, Instant start, Instant end) {
        return new Override(user + "@" + start, "s", user, replacing, start, end, "test", start);
    }

    /** A local date-time in the zone, e.g. {@code local("2027-03-28T09:00", "Europe/Zurich")}. */
    static Instant local(String dateTime, String zone) {
        return LocalTimes.resolve(LocalDateTime.parse(dateTime), ZoneId.of(zone));
    }

    static Instant utc(String instant) {
        return Instant.parse(instant);
    }
}
