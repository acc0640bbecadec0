package dev.tocsin.calendar;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CalendarFeedTest {
    private static final Instant STAMP = Instant.parse("2027-03-20T10:00:00Z");

    @Test
    void aFeedHasTheRequiredCalendarPropertiesAndUtcTimes() {
        String feed = CalendarFeed.render("Platform primary", "oncall@example.com", List.of(new FeedEvent("abc@tocsin",
                Instant.parse("2027-03-22T08:00:00Z"), Instant.parse("2027-03-29T07:00:00Z"), "On call: Platform primary", null)), STAMP);

        Calendar calendar = StrictCalendar.parse(feed);

        assertThat(feed).contains("\r\nCALSCALE:GREGORIAN\r\n", "\r\nMETHOD:PUBLISH\r\n", "\r\nVERSION:2.0\r\n",
                "\r\nDTSTART:20270322T080000Z\r\n", "\r\nDTEND:20270329T070000Z\r\n", "\r\nDTSTAMP:20270320T100000Z\r\n",
                "\r\nUID:abc@tocsin\r\n", "\r\nSUMMARY:On call: Platform primary\r\n");
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize(1);
    }

    @Test
    void specialCharactersInNamesAreEscapedAndSurviveARoundTrip() {
        String name = "On call: Ops; DB, \\backslash\\ and\nnew line";
        String feed = CalendarFeed.render("x", "oncall@example.com", List.of(new FeedEvent("u1@tocsin",
                Instant.parse("2027-01-01T00:00:00Z"), Instant.parse("2027-01-02T00:00:00Z"), name, null)), STAMP);

        assertThat(StrictCalendar.unfold(feed)).contains("SUMMARY:On call: Ops\\; DB\\, \\\\backslash\\\\ and\\nnew line\r\n");
        VEvent event = StrictCalendar.parse(feed).<VEvent>getComponents("VEVENT").get(0);
        assertThat(event.getSummary().getValue()).isEqualTo(name);
    }

    @Test
    void longLinesOfMultiByteNamesAreFoldedAtSeventyFiveOctetsWithoutSplittingACharacter() {
        String name = "On call: 山田太郎 Zoë Ångström Øyvind Ünal Çelik Ōtani 佐藤花子 with a very long team name, "
                + "🚨 Platform primary of the Zürich and Sydney follow-the-sun rotation";
        String feed = CalendarFeed.render("x", "oncall@example.com", List.of(new FeedEvent("u2@tocsin",
                Instant.parse("2027-01-01T00:00:00Z"), Instant.parse("2027-01-02T00:00:00Z"), name, name)), STAMP);

        StrictCalendar.assertWireRules(feed);
        assertThat(feed).contains("\r\n ");
        VEvent event = StrictCalendar.parse(feed).<VEvent>getComponents("VEVENT").get(0);
        assertThat(event.getSummary().getValue()).isEqualTo(name.replace(",", ",")).isEqualTo(name);
        assertThat(event.getDescription().getValue()).isEqualTo(name);
    }

    @Test
    void aFeedWithoutShiftsIsStillAValidCalendar() {
        StrictCalendar.parse(CalendarFeed.render("x", "oncall@example.com", List.of(), STAMP));
    }

    @Test
    void foldingKeepsShortLinesAndSplitsByOctets() {
        assertThat(ContentLines.fold("A:b\r\n")).isEqualTo("A:b\r\n");
        String folded = ContentLines.fold("X:" + "é".repeat(50));
        for (String line : folded.split("\r\n")) assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
        assertThat(folded.replace("\r\n ", "")).isEqualTo("X:" + "é".repeat(50) + "\r\n");
    }
}
