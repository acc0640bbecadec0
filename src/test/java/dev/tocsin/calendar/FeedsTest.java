package dev.tocsin.calendar;

import dev.tocsin.config.Organisation;
import dev.tocsin.schedule.Shift;
import dev.tocsin.testing.Organisations;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Feed events from hand-written shifts: names with special and multi-byte characters, stable UIDs, gaps. */
class FeedsTest {
    static final String YAML = """
            users:
              - { id: zoe, name: "Zoë 山田, \\"Ops\\"; on-call\\\\lead", email: zoe@example.com, timezone: Asia/Tokyo }
              - { id: bob, name: "Bob Meier", email: bob@example.com }
            schedules:
              - id: platform-primary
                name: "Platform primary; Zürich, Sydney & 東京"
                timezone: Europe/Zurich
                layers: [ { name: weekly, rotation: { every: 1w, handoff: "Mon 09:00", starts: 2027-01-04 }, users: [zoe, bob] } ]
            """;
    static final Instant NOW = Instant.parse("2027-03-24T10:00:00Z");
    static Organisation organisation;

    @BeforeAll
    static void load() {
        organisation = Organisations.of(YAML);
    }

    static List<Shift> shifts() {
        FeedWindow window = FeedWindow.at(NOW);
        Instant a = Instant.parse("2027-03-15T08:00:00Z");
        Instant b = Instant.parse("2027-03-22T08:00:00Z");
        Instant c = Instant.parse("2027-03-29T07:00:00Z");
        Instant d = Instant.parse("2027-03-30T07:00:00Z");
        return List.of(new Shift(window.lookFrom(), a, Set.of()), new Shift(a, b, Set.of("bob")),
                new Shift(b, c, Set.of("zoe")), new Shift(c, d, Set.of("zoe", "bob")), new Shift(d, window.to(), Set.of()));
    }

    @Test
    void aPersonsFeedHasOneEventPerStretchOnCallWithTheScheduleName() {
        String feed = CalendarFeed.render("On call: Zoë", "oncall@example.com", Feeds.ofUser(organisation,
                Map.of("platform-primary", shifts()), organisation.user("zoe").orElseThrow(), FeedWindow.at(NOW)), NOW);

        List<VEvent> events = StrictCalendar.parse(feed).getComponents("VEVENT");
        assertThat(events).hasSize(1);
        VEvent event = events.get(0);
        assertThat(event.getSummary().getValue()).isEqualTo("On call: Platform primary; Zürich, Sydney & 東京");
        assertThat(StrictCalendar.unfold(feed)).contains("\r\nDTSTART:20270322T080000Z\r\n", "\r\nDTEND:20270330T070000Z\r\n",
                "SUMMARY:On call: Platform primary\\; Zürich\\, Sydney & 東京\r\n");
        assertThat(event.getUid().orElseThrow().getValue())
                .isEqualTo(Feeds.uid("platform-primary", "zoe", Instant.parse("2027-03-22T08:00:00Z")));
    }

    @Test
    void aSchedulesFeedShowsWhoIsOnCallAndTheGapsWithTheSameUidsAsThePersonsFeed() {
        List<FeedEvent> events = Feeds.ofSchedule(organisation, shifts(),
                organisation.schedule("platform-primary").orElseThrow(), FeedWindow.at(NOW));
        String feed = CalendarFeed.render("x", "oncall@example.com", events, NOW);

        StrictCalendar.parse(feed);
        assertThat(events).extracting(FeedEvent::summary).containsExactly(
                "Nobody on call: Platform primary; Zürich, Sydney & 東京",
                "Bob Meier on call: Platform primary; Zürich, Sydney & 東京",
                "Zoë 山田, \"Ops\"; on-call\\lead on call: Platform primary; Zürich, Sydney & 東京",
                "Bob Meier on call: Platform primary; Zürich, Sydney & 東京",
                "Nobody on call: Platform primary; Zürich, Sydney & 東京");
        FeedEvent zoe = events.get(2);
        assertThat(zoe.uid()).isEqualTo(Feeds.ofUser(organisation, Map.of("platform-primary", shifts()),
                organisation.user("zoe").orElseThrow(), FeedWindow.at(NOW)).get(0).uid());
    }

    @Test
    void uidsStayTheSameWhenTheFeedIsRefreshedLater() {
        Instant later = NOW.plusSeconds(3 * 24 * 3600);
        List<FeedEvent> first = Feeds.ofUser(organisation, Map.of("platform-primary", shifts()),
                organisation.user("bob").orElseThrow(), FeedWindow.at(NOW));
        List<FeedEvent> second = Feeds.ofUser(organisation, Map.of("platform-primary", shifts()),
                organisation.user("bob").orElseThrow(), FeedWindow.at(later));

        assertThat(second).extracting(FeedEvent::uid).isEqualTo(first.stream().map(FeedEvent::uid).toList());
        assertThat(first).hasSize(2);
    }

    @Test
    void theWindowStartsOnAMondayFourWeeksBackAndLooksAboutSixMonthsAhead() {
        FeedWindow window = FeedWindow.at(NOW);
        assertThat(window.from()).isEqualTo(Instant.parse("2027-02-22T00:00:00Z"));
        assertThat(window.to()).isEqualTo(Instant.parse("2027-09-20T00:00:00Z"));
        assertThat(FeedWindow.at(Instant.parse("2027-03-28T23:59:59Z"))).isEqualTo(window);
    }
}
