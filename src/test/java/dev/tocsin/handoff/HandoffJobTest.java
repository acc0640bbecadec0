package dev.tocsin.handoff;

import dev.tocsin.notice.Notice;
import dev.tocsin.notice.NoticeFixture;
import dev.tocsin.notice.NoticeSender;
import dev.tocsin.schedule.OnCall;
import dev.tocsin.testing.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Handoff reminders, start and end notices, digests and gap warnings, written by the job into the outbox on
 * SQLite and PostgreSQL, with the time set by the test. Platform primary hands over weekly on Monday 09:00
 * Zurich time: alice from 22 March 2027, bob from 29 March (after the DST change of 28 March, so 07:00 UTC).
 */
class HandoffJobTest {
    static final String ORGANISATION = """
            users:
              - id: alice
                name: Alice Keller
                timezone: Europe/Zurich
                contact_methods:
                  - { id: alice-mail, type: email, to: alice@example.com }
              - id: bob
                name: Bob Meier
                timezone: Europe/Zurich
                contact_methods:
                  - { id: bob-console, type: console }
                notices: { before_shift: 2h, digest: "off" }
            teams:
              - id: platform
                name: Platform Engineering
                members:
                  - { user: alice, role: manager }
                  - { user: bob }
            schedules:
              - id: platform-primary
                name: Platform primary
                timezone: Europe/Zurich
                layers:
                  - name: weekly
                    rotation: { every: 1w, handoff: "Mon 09:00", starts: 2027-03-22 }
                    users: [alice, bob]
              - id: platform-daytime
                name: Platform daytime
                timezone: Europe/Zurich
                layers:
                  - name: office
                    rotation: { every: 1w, handoff: "Mon 09:00", starts: 2027-03-01 }
                    users: [bob]
                    only: "Mon-Fri 08:00-18:00"
            escalation_policies:
              - id: platform
                levels:
                  - { notify: [ "schedule:platform-primary", "schedule:platform-daytime" ] }
            services:
              - { id: customer-api, name: Customer API, team: platform, escalation_policy: platform }
            """;

    static final Instant BOB_TAKES_OVER = Instant.parse("2027-03-29T07:00:00Z");

    private static HandoffJob job(NoticeFixture fixture, AtomicInteger wakes) {
        return new HandoffJob(fixture.database, fixture.config::current,
                id -> new OnCall(fixture.config.current().schedule(id).orElseThrow(), List.of()),
                fixture.clock, wakes::incrementAndGet);
    }

    private static List<Notice> ofKind(NoticeFixture fixture, String user, String kind) {
        return fixture.noticesOf(user).stream().filter(notice -> notice.kind().equals(kind)).toList();
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void handoverTellsTheNewPersonTheShiftStartsAndTheOldOneItEnded(TestDatabases.Kind kind) {
        try (NoticeFixture fixture = new NoticeFixture(kind, ORGANISATION, BOB_TAKES_OVER.minus(Duration.ofMinutes(2)))) {
            AtomicInteger wakes = new AtomicInteger();
            HandoffJob job = job(fixture, wakes);

            assertThat(job.runOnce()).isPositive();
            assertThat(wakes).hasValue(1);

            Notice starts = ofKind(fixture, "bob", "shift_starts").get(0);
            assertThat(ofKind(fixture, "bob", "shift_starts")).hasSize(1);
            assertThat(starts.dedupKey()).isEqualTo("shift_start:platform-primary:bob:" + BOB_TAKES_OVER.toEpochMilli());
            assertThat(starts.dueAt()).isEqualTo(BOB_TAKES_OVER);
            assertThat(starts.subject()).isEqualTo("You are on call now (Platform primary, Platform Engineering)");
            assertThat(starts.body()).contains("started at Mon 29 Mar 2027 09:00 CEST until Mon 5 Apr 2027 09:00 CEST")
                    .contains("Handed over by: alice.");

            Notice ends = ofKind(fixture, "alice", "shift_ends").get(0);
            assertThat(ofKind(fixture, "alice", "shift_ends")).hasSize(1);
            assertThat(ends.dueAt()).isEqualTo(BOB_TAKES_OVER);
            assertThat(ends.body()).contains("ended at Mon 29 Mar 2027 09:00 CEST").contains("Now on call: bob.");

            fixture.clock.advance(Duration.ofMinutes(1));
            int before = fixture.noticesOf("bob").size() + fixture.noticesOf("alice").size();
            job.runOnce();
            assertThat(fixture.noticesOf("bob").size() + fixture.noticesOf("alice").size())
                    .as("the next run a minute later writes no notice twice").isEqualTo(before);

            var sender = fixture.sender(NoticeSender.BACKOFF);
            sender.deliverDue();
            assertThat(ofKind(fixture, "bob", "shift_starts").get(0).status()).as("not before its time").isEqualTo(Notice.Status.PENDING);
            fixture.clock.set(BOB_TAKES_OVER);
            sender.deliverDue();
            Notice sent = ofKind(fixture, "bob", "shift_starts").get(0);
            assertThat(sent.status()).isEqualTo(Notice.Status.SENT);
            assertThat(sent.channel()).isEqualTo("console");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void reminderComesTheConfiguredTimeBeforeTheShift(TestDatabases.Kind kind) {
        Instant aliceAgain = Instant.parse("2027-04-05T07:00:00Z");
        try (NoticeFixture fixture = new NoticeFixture(kind, ORGANISATION, aliceAgain.minus(Duration.ofHours(24)).minusSeconds(60))) {
            job(fixture, new AtomicInteger()).runOnce();

            List<Notice> reminders = ofKind(fixture, "alice", "shift_reminder");
            assertThat(reminders).hasSize(1);
            Notice reminder = reminders.get(0);
            assertThat(reminder.dueAt()).isEqualTo(aliceAgain.minus(Duration.ofHours(24)));
            assertThat(reminder.subject()).isEqualTo("You are on call from Mon 5 Apr 2027 09:00 CEST (Platform primary, Platform Engineering)");
            assertThat(reminder.body()).contains("until Mon 12 Apr 2027 09:00 CEST").contains("You take over from: bob.");
            assertThat(ofKind(fixture, "bob", "shift_reminder")).as("bob's reminder comes 2 h before his shifts").isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void reminderHonoursEachPersonsOwnLeadTime(TestDatabases.Kind kind) {
        Instant bobAgain = Instant.parse("2027-04-12T07:00:00Z");
        try (NoticeFixture fixture = new NoticeFixture(kind, ORGANISATION, bobAgain.minus(Duration.ofHours(2)).minusSeconds(30))) {
            job(fixture, new AtomicInteger()).runOnce();

            List<Notice> reminders = ofKind(fixture, "bob", "shift_reminder").stream()
                    .filter(notice -> notice.dedupKey().contains(":platform-primary:")).toList();
            assertThat(reminders).hasSize(1);
            assertThat(reminders.get(0).dueAt()).isEqualTo(bobAgain.minus(Duration.ofHours(2)));
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void weeklyDigestListsTheComingWeekAtThePersonsOwnTime(TestDatabases.Kind kind) {
        Instant mondayEight = Instant.parse("2027-03-29T06:00:00Z");   // 08:00 in Zurich
        try (NoticeFixture fixture = new NoticeFixture(kind, ORGANISATION, mondayEight.minusSeconds(60))) {
            job(fixture, new AtomicInteger()).runOnce();

            List<Notice> digests = ofKind(fixture, "alice", "digest");
            assertThat(digests).hasSize(1);
            Notice digest = digests.get(0);
            assertThat(digest.dueAt()).isEqualTo(mondayEight);
            assertThat(digest.subject()).isEqualTo("Your on-call week: 1 shift");
            assertThat(digest.body()).contains("- already on call to Mon 29 Mar 2027 09:00 CEST: Platform primary, Platform Engineering");
            assertThat(ofKind(fixture, "bob", "digest")).as("bob switched his digest off").isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void gapsAreToldToTheTeamsManagersOncePerGap(TestDatabases.Kind kind) {
        Instant mondayMorning = Instant.parse("2027-03-29T06:30:00Z");
        try (NoticeFixture fixture = new NoticeFixture(kind, ORGANISATION, mondayMorning)) {
            HandoffJob job = job(fixture, new AtomicInteger());
            job.runOnce();

            List<Notice> gaps = ofKind(fixture, "alice", "gap");
            // daytime is covered Mon-Fri 08:00-18:00: 4 evenings and 1 weekend per week, for two weeks
            assertThat(gaps).hasSize(10);
            assertThat(ofKind(fixture, "bob", "gap")).as("only managers are warned").isEmpty();
            Notice first = gaps.stream().filter(n -> n.dedupKey().endsWith(":" + Instant.parse("2027-03-29T16:00:00Z").toEpochMilli()))
                    .findFirst().orElseThrow();
            assertThat(first.dedupKey()).startsWith("gap:platform-daytime:alice:");
            assertThat(first.subject()).isEqualTo("Nobody is on call for Platform daytime, Platform Engineering from Mon 29 Mar 2027 18:00 CEST");
            assertThat(first.body()).contains("until Tue 30 Mar 2027 08:00 CEST");

            fixture.clock.advance(Duration.ofMinutes(1));
            job.runOnce();
            assertThat(ofKind(fixture, "alice", "gap")).as("not again a minute later").hasSize(10);

            fixture.clock.advance(Duration.ofDays(1));
            job.runOnce();
            assertThat(ofKind(fixture, "alice", "gap")).as("only the gap that came into view is new").hasSize(11);
        }
    }
}
