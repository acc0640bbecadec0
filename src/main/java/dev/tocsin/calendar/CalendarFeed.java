package dev.tocsin.calendar;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.ComponentList;
import net.fortuna.ical4j.model.component.Standard;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.TzId;
import net.fortuna.ical4j.model.property.TzOffsetFrom;
import net.fortuna.ical4j.model.property.TzOffsetTo;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.CalScale;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Version;
import net.fortuna.ical4j.model.property.XProperty;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Writes an iCalendar (RFC 5545) feed with ical4j: one VCALENDAR (PRODID, VERSION:2.0, CALSCALE:GREGORIAN,
 * METHOD:PUBLISH) with a VEVENT per event, times in UTC ({@code 20270329T070000Z}). Pure: the stamp time
 * is an argument.
 */
public final class CalendarFeed {
    public static final String PRODUCT_ID = "-//Tocsin//On-call calendar//EN";
    public static final String CONTENT_TYPE = "text/calendar; charset=utf-8";
    /** Written as X-WR-CALNAME (read by Apple, Google and Outlook) so the subscribed calendar has a name. */
    private static final String CALENDAR_NAME = "X-WR-CALNAME";

    private CalendarFeed() {
    }

    /**
     * @param organizer the feed's ORGANIZER address ({@code oncall@example.com}); METHOD:PUBLISH (RFC 5546)
     *                  requires one per event and strict validators refuse a feed without it
     */
    public static String render(String calendarName, String organizer, List<FeedEvent> events, Instant stamp) {
        Organizer organizerProperty = new Organizer(new ParameterList(List.of(new Cn("Tocsin"))),
                URI.create("mailto:" + organizer));
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT_ID));
        calendar.add(new Version(new ParameterList(), Version.VALUE_2_0));
        calendar.add(new CalScale(CalScale.VALUE_GREGORIAN));
        calendar.add(new Method(Method.VALUE_PUBLISH));
        calendar.add(new XProperty(CALENDAR_NAME, calendarName));
        Instant dtStamp = stamp.truncatedTo(ChronoUnit.SECONDS);
        for (FeedEvent event : events) {
            VEvent vevent = new VEvent(event.start().truncatedTo(ChronoUnit.SECONDS),
                    event.end().truncatedTo(ChronoUnit.SECONDS), event.summary());
            vevent.replace(new DtStamp(dtStamp));
            vevent.add(new Uid(event.uid()));
            vevent.add(organizerProperty);
            if (event.description() != null) vevent.add(new Description(event.description()));
            calendar.add(vevent);
        }
        // RFC 5545 requires at least one component; a feed with no shifts in its window carries the (unused)
        // UTC time zone rather than a made-up event.
        if (events.isEmpty()) calendar.add(utcTimeZone());
        StringWriter out = new StringWriter();
        try {
            // No folding by ical4j (it counts characters, not octets): ContentLines folds by octets.
            new CalendarOutputter(true, Integer.MAX_VALUE).output(calendar, out);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a calendar to memory", e);
        }
        return ContentLines.fold(out.toString());
    }

    private static VTimeZone utcTimeZone() {
        Standard standard = new Standard();
        standard.add(new DtStart<>(LocalDateTime.of(1970, 1, 1, 0, 0)));
        standard.add(new TzOffsetFrom(ZoneOffset.UTC));
        standard.add(new TzOffsetTo(ZoneOffset.UTC));
        VTimeZone zone = new VTimeZone(new ComponentList<>(List.of(standard)));
        zone.add(new TzId("UTC"));
        return zone;
    }
}
