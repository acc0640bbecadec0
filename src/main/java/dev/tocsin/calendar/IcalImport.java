package dev.tocsin.calendar;

import dev.tocsin.refusal.Refusal;
import dev.tocsin.config.Organisation;
import dev.tocsin.schedule.FixedShift;
import dev.tocsin.user.ContactMethod;
import dev.tocsin.user.User;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an iCalendar file (a Grafana OnCall or shared Google calendar export) into fixed shifts. Each VEVENT
 * (each occurrence, for a recurring one) is a shift of the people it names, found in this order:
 * <ol>
 *   <li>its ATTENDEEs, by email (a user's {@code email} or an email contact method), all that match;</li>
 *   <li>else its ORGANIZER, by email;</li>
 *   <li>else its SUMMARY: a user's id, email or name, exactly (case-insensitive), or the one user whose id
 *       or name appears in it as a word (Grafana OnCall's ical schedules put the username in the summary).</li>
 * </ol>
 * Events no user matches, and cancelled ones, are skipped and reported. Pure: the time window is an argument.
 */
public final class IcalImport {
    /** What an import found: the shifts, and a line for each event it could not use. */
    public record Result(List<FixedShift> shifts, List<String> skipped) {
        public Result {
            shifts = List.copyOf(shifts);
            skipped = List.copyOf(skipped);
        }
    }

    private IcalImport() {
    }

    /**
     * @param zone time zone for floating times and all-day events (the schedule's)
     * @param from occurrences ending before this are left out
     * @param to   occurrences starting at or after this are left out (recurring events are expanded up to here)
     */
    public static Result read(String ics, Organisation organisation, ZoneId zone, Instant from, Instant to) {
        Calendar calendar;
        try {
            calendar = new CalendarBuilder().build(new StringReader(ics));
        } catch (ParserException e) {
            throw new IllegalArgumentException("not an iCalendar file: " + e.getMessage());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        List<FixedShift> shifts = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Period<ZonedDateTime> window = new Period<>(from.atZone(zone), to.atZone(zone));
        for (VEvent event : calendar.<VEvent>getComponents("VEVENT")) {
            String label = label(event);
            if (first(event, "STATUS").filter("CANCELLED"::equalsIgnoreCase).isPresent()) {
                skipped.add(label + ": cancelled");
                continue;
            }
            Set<String> users = usersOf(event, organisation);
            if (users.isEmpty()) {
                skipped.add(label + ": no attendee, organizer or summary matches a user");
                continue;
            }
            RecurrenceBounds.check(event, label, window.getStart(), window.getEnd());
            Set<Period<Temporal>> occurrences;
            try {
                occurrences = event.calculateRecurrenceSet(window);
            } catch (RuntimeException e) {
                skipped.add(label + ": its times cannot be read (" + e.getMessage() + ")");
                continue;
            }
            for (Period<Temporal> occurrence : occurrences) {
                Instant start = instant(occurrence.getStart(), zone);
                Instant end = instant(occurrence.getEnd(), zone);
                if (!end.isAfter(start) || !end.isAfter(from) || !start.isBefore(to)) continue;
                for (String user : users) shifts.add(new FixedShift(user, start, end));
                if (shifts.size() > RecurrenceBounds.MAX_SHIFTS) {
                    throw Refusal.tooLarge("the calendar gives more than " + RecurrenceBounds.MAX_SHIFTS
                            + " shifts in the days imported; at most " + RecurrenceBounds.MAX_SHIFTS + " are accepted");
                }
            }
        }
        shifts.sort(Comparator.comparing(FixedShift::start).thenComparing(FixedShift::userId));
        return new Result(shifts, skipped);
    }

    /**
     * Period.toInterval(zone) reads zoned times at the wrong offset after a DST change (ical4j 4.4.0), so
     * times are converted here: zoned and UTC ones as they are, floating ones and dates in the schedule's zone.
     */
    private static Instant instant(Temporal time, ZoneId zone) {
        if (time instanceof LocalDate date) return date.atStartOfDay(zone).toInstant();
        if (time instanceof LocalDateTime local) return local.atZone(zone).toInstant();
        return Instant.from(time);
    }

    private static Set<String> usersOf(VEvent event, Organisation organisation) {
        Set<String> users = new LinkedHashSet<>();
        for (Property attendee : event.getProperties("ATTENDEE")) byEmail(attendee.getValue(), organisation).ifPresent(users::add);
        if (!users.isEmpty()) return users;
        for (Property organizer : event.getProperties("ORGANIZER")) byEmail(organizer.getValue(), organisation).ifPresent(users::add);
        if (!users.isEmpty()) return users;
        first(event, "SUMMARY").flatMap(summary -> bySummary(summary, organisation)).ifPresent(users::add);
        return users;
    }

    private static Optional<String> byEmail(String address, Organisation organisation) {
        if (address == null) return Optional.empty();
        String email = address.replaceFirst("(?i)^mailto:", "").strip().toLowerCase(Locale.ROOT);
        if (email.isEmpty()) return Optional.empty();
        for (User user : organisation.document().users()) {
            if (user.email() != null && user.email().equalsIgnoreCase(email)) return Optional.of(user.id());
            for (ContactMethod method : user.contactMethods()) {
                if (method instanceof ContactMethod.Email mail && email.equalsIgnoreCase(mail.to())) return Optional.of(user.id());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> bySummary(String summary, Organisation organisation) {
        String text = summary == null ? "" : summary.strip();
        if (text.isEmpty()) return Optional.empty();
        for (User user : organisation.document().users()) {
            if (text.equalsIgnoreCase(user.id()) || text.equalsIgnoreCase(user.name())
                    || (user.email() != null && text.equalsIgnoreCase(user.email()))) {
                return Optional.of(user.id());
            }
        }
        String lower = " " + text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}@._-]+", " ") + " ";
        List<String> mentioned = organisation.document().users().stream()
                .filter(user -> lower.contains(" " + user.id().toLowerCase(Locale.ROOT) + " ")
                        || lower.contains(" " + user.name().toLowerCase(Locale.ROOT) + " "))
                .map(User::id).toList();
        return mentioned.size() == 1 ? Optional.of(mentioned.get(0)) : Optional.empty();
    }

    private static Optional<String> first(VEvent event, String name) {
        List<Property> properties = event.getProperties(name);
        return properties.isEmpty() ? Optional.empty() : Optional.ofNullable(properties.get(0).getValue());
    }

    private static String label(VEvent event) {
        String summary = first(event, "SUMMARY").orElse("(no summary)");
        String uid = first(event, "UID").orElse("?");
        return "event '" + summary + "' (" + uid + ")";
    }
}
