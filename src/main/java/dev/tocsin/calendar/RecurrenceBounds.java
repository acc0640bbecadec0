package dev.tocsin.calendar;

import dev.tocsin.refusal.Refusal;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.transform.recurrence.Frequency;

import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;

/**
 * Keeps the expansion of an imported calendar's recurring events bounded. An on-call shift does not start every
 * second or minute, and a rule that would (say {@code RRULE:FREQ=SECONDLY} over the year ahead: 32 million
 * occurrences) is refused before it is expanded, instead of running the server out of memory.
 */
final class RecurrenceBounds {
    /** The most occurrences one event may have in the import window. */
    static final int MAX_OCCURRENCES_PER_EVENT = 2_000;
    /** The most shifts one import may write. */
    static final int MAX_SHIFTS = 10_000;
    /** The most start times a rule may give within one hour (BYMINUTE × BYSECOND). */
    static final int MAX_STARTS_PER_HOUR = 4;

    private RecurrenceBounds() {
    }

    /** Refuses (too large) an event whose rules recur more often than shifts do, or too often in the window. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static void check(VEvent event, String label, ZonedDateTime from, ZonedDateTime to) {
        List<RRule> rules = event.getProperties("RRULE");
        for (RRule rule : rules) {
            Recur recur = rule.getRecur();
            Frequency frequency = recur.getFrequency();
            if (frequency == Frequency.SECONDLY || frequency == Frequency.MINUTELY) {
                throw Refusal.tooLarge(label + " recurs " + frequency.name().toLowerCase() + "; on-call shifts recur at most "
                        + "hourly, so this calendar is refused rather than expanded");
            }
            int perHour = Math.max(1, recur.getMinuteList().size()) * Math.max(1, recur.getSecondList().size());
            if (perHour > MAX_STARTS_PER_HOUR) {
                throw Refusal.tooLarge(label + " starts " + perHour + " times an hour (BYMINUTE × BYSECOND); at most "
                        + MAX_STARTS_PER_HOUR + " are accepted");
            }
            Temporal seed = event.getStartDate().map(start -> (Temporal) ((net.fortuna.ical4j.model.property.DtStart) start).getDate())
                    .orElse(null);
            if (seed == null) continue;
            int count;
            try {
                count = recur.getDates(seed, from, to, MAX_OCCURRENCES_PER_EVENT + 1).size();
            } catch (RuntimeException e) {
                continue;   // times ical4j cannot compare; the expansion reports the event as unreadable
            }
            if (count > MAX_OCCURRENCES_PER_EVENT) {
                throw Refusal.tooLarge(label + " recurs more than " + MAX_OCCURRENCES_PER_EVENT + " times in the "
                        + CalendarImports.IMPORT_AHEAD.toDays() + " days imported; at most " + MAX_OCCURRENCES_PER_EVENT + " are accepted");
            }
        }
    }
}
