package dev.tocsin.web;

import dev.tocsin.schedule.Shift;
import dev.tocsin.user.User;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * What the schedule page's forms offer — add an override, ask for cover, propose a swap — with their starting
 * values, or the form just sent back with its problems. Times are written for {@code <input type=datetime-local>}
 * in the zone the page shows.
 */
public record ScheduleForms(List<User> users, List<String> participants, List<Shift> myShifts,
                            List<SwapChoice> theirShifts, FormState sent, ZoneId zone, Instant now, String viewer) {
    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    static final Duration DEFAULT_OVERRIDE = Duration.ofHours(8);

    /** One person's shift someone could ask to swap for; {@code value} is what the form sends. */
    public record SwapChoice(String userId, Shift shift) {
        public String value() {
            return userId + "@" + shift.start();
        }
    }

    public FormState override() {
        if (sent != null && sent.name().equals("override")) return sent;
        Instant from = now.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
        return FormState.fresh("override", Map.of("user", viewer, "from", local(from), "until", local(from.plus(DEFAULT_OVERRIDE))));
    }

    public FormState cover() {
        if (sent != null && sent.name().equals("cover")) return sent;
        if (myShifts.isEmpty()) return FormState.fresh("cover", Map.of());
        Shift next = myShifts.get(0);
        return FormState.fresh("cover", Map.of("from", local(next.start()), "until", local(next.end())));
    }

    public FormState swap() {
        if (sent != null && sent.name().equals("swap")) return sent;
        return FormState.fresh("swap", Map.of());
    }

    /** My shifts that have not started: the only ones a swap can offer. */
    public List<Shift> mySwappableShifts() {
        return myShifts.stream().filter(shift -> shift.start().isAfter(now)).toList();
    }

    public String local(Instant instant) {
        return LOCAL.format(instant.atZone(zone));
    }
}
