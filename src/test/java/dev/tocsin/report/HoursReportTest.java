package dev.tocsin.report;

import dev.tocsin.config.Organisation;
import dev.tocsin.schedule.Shift;
import dev.tocsin.testing.Organisations;
import dev.tocsin.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hours report from hand-written shifts of the example configuration: Alice (Mon-Fri 08:00-18:00,
 * Europe/Zurich) is primary, Bob (no working hours) backup, in the week of the 2027 spring-forward change.
 */
class HoursReportTest {
    // Mon 22 March 09:00 CET to Mon 29 March 09:00 CEST: 167 hours, the clocks go forward on Sunday 28th.
    static final Instant WEEK_START = Instant.parse("2027-03-22T08:00:00Z");
    static final Instant WEEK_END = Instant.parse("2027-03-29T07:00:00Z");
    static final Instant FROM = Instant.parse("2027-03-22T00:00:00Z");
    static final Instant TO = Instant.parse("2027-03-29T12:00:00Z");

    static Organisation example;

    @BeforeAll
    static void loadExample() {
        example = Organisations.of(TestServer.resource("config/example.yaml"));
    }

    private static PersonHours line(List<PersonHours> report, String userId) {
        return report.stream().filter(person -> person.userId().equals(userId)).findFirst().orElseThrow();
    }

    @Test
    void primaryHoursAndHoursOutsideWorkingHoursAreCountedInThePersonsOwnTimeZone() {
        Map<String, List<Shift>> shifts = Map.of(
                "platform-primary", List.of(new Shift(FROM, WEEK_START, Set.of("bob")),
                        new Shift(WEEK_START, WEEK_END, Set.of("alice")), new Shift(WEEK_END, TO, Set.of("bob"))),
                "platform-backup", List.of(new Shift(FROM, WEEK_START, Set.of("alice")),
                        new Shift(WEEK_START, WEEK_END, Set.of("bob")), new Shift(WEEK_END, TO, Set.of("alice"))));

        List<PersonHours> report = HoursReport.compute(example, shifts, FROM, TO);

        PersonHours alice = line(report, "alice");
        assertThat(alice.primaryHours()).isEqualTo(167.0);
        // At work during the shift: Monday 22nd 08:00Z-17:00Z (9 h: work began 08:00 CET = 07:00Z, the shift
        // at 09:00 CET), Tuesday to Friday 10 h each, and Monday 29th 06:00Z-07:00Z (08:00-09:00 CEST): 50 h.
        assertThat(alice.primaryOutsideWorkingHours()).isEqualTo(167.0 - 50.0);
        // Backup before and after that week: Monday 22nd 00:00Z-08:00Z (1 h of it at work, from 07:00Z) and
        // Monday 29th 07:00Z-12:00Z (09:00-14:00 CEST, all at work).
        assertThat(alice.backupHours()).isEqualTo(8.0 + 5.0);
        assertThat(alice.backupOutsideWorkingHours()).isEqualTo(7.0 + 0.0);
        assertThat(alice.totalHours()).isEqualTo(180.0);
        assertThat(alice.outsideWorkingHours()).isEqualTo(117.0 + 7.0);
        assertThat(alice.workingHours()).isEqualTo("Mon-Fri 08:00-18:00");
        assertThat(alice.schedules()).extracting(PersonHours.ScheduleHours::role).containsExactlyInAnyOrder("primary", "backup");

        PersonHours bob = line(report, "bob");
        assertThat(bob.primaryHours()).isEqualTo(8.0 + 5.0);
        assertThat(bob.backupHours()).isEqualTo(167.0);
        assertThat(bob.outsideWorkingHours()).as("Bob has no working hours").isNull();

        assertThat(line(report, "carol").totalHours()).isZero();
    }

    @Test
    void timeOnCallAsPrimaryAndBackupAtOnceCountsAsPrimaryOnly() {
        Map<String, List<Shift>> shifts = Map.of(
                "platform-primary", List.of(new Shift(WEEK_START, WEEK_END, Set.of("alice"))),
                "platform-backup", List.of(new Shift(WEEK_START, WEEK_END, Set.of("alice", "bob"))));

        PersonHours alice = line(HoursReport.compute(example, shifts, FROM, TO), "alice");

        assertThat(alice.primaryHours()).isEqualTo(167.0);
        assertThat(alice.backupHours()).isZero();
        assertThat(alice.totalHours()).isEqualTo(167.0);
    }

    @Test
    void aScheduleOnTheFirstEscalationLevelIsPrimaryLaterLevelsBackupAndUnpagedSchedulesPrimary() {
        Organisation organisation = Organisations.of("""
                users: [ { id: ann, name: Ann } ]
                schedules:
                  - { id: first, name: First, timezone: UTC, layers: [ { name: l, rotation: { every: 1d, handoff: "09:00", starts: 2027-01-01 }, users: [ann] } ] }
                  - { id: second, name: Second, timezone: UTC, layers: [ { name: l, rotation: { every: 1d, handoff: "09:00", starts: 2027-01-01 }, users: [ann] } ] }
                  - { id: lonely, name: Lonely, timezone: UTC, layers: [ { name: l, rotation: { every: 1d, handoff: "09:00", starts: 2027-01-01 }, users: [ann] } ] }
                escalation_policies:
                  - { id: p, levels: [ { notify: [ "schedule:first" ] }, { notify: [ "schedule:second", "user:ann" ] } ] }
                """);
        ScheduleRole.Classifier classifier = ScheduleRole.Classifier.of(organisation);

        assertThat(classifier.roleOf("first")).isEqualTo(ScheduleRole.PRIMARY);
        assertThat(classifier.roleOf("second")).isEqualTo(ScheduleRole.BACKUP);
        assertThat(classifier.roleOf("lonely")).isEqualTo(ScheduleRole.PRIMARY);
    }

    @Test
    void csvHasOneLinePerPersonWithQuotedNamesAndEmptyCellsForUnknownWorkingHours() {
        List<PersonHours> report = List.of(
                new PersonHours("alice", "Keller, Alice \"Al\"", "Europe/Zurich", "Mon-Fri 08:00-18:00",
                        167, 13, 180, 118.0, 7.0, 125.0, 3, 7, 2, List.of()),
                new PersonHours("bob", "=cmd()", "UTC", null, 1.5, 0, 1.5, null, null, null, 1, 0, null, List.of()));

        String csv = HoursCsv.write(report);

        assertThat(csv).isEqualTo(HoursCsv.HEADER + "\r\n"
                + "alice,\"Keller, Alice \"\"Al\"\"\",Europe/Zurich,Mon-Fri 08:00-18:00,167.00,13.00,180.00,118.00,7.00,125.00,3,7,2\r\n"
                + "bob,\"'=cmd()\",UTC,,1.50,0.00,1.50,,,,1,0,\r\n");
    }

    @Test
    void pagesAreCountedPerIncidentAndThoseOutsideWorkingHoursByTheFirstNotificationInThePersonsTimeZone() {
        List<PageCounts.Paged> paged = List.of(
                // Tuesday 23 March 17:30 CET (16:30Z): at work, although a later notification came after 18:00.
                new PageCounts.Paged("alice", 1, Instant.parse("2027-03-23T16:30:00Z"), 4),
                // Tuesday 23 March 18:00 CET (17:00Z): the end of her working day is outside it.
                new PageCounts.Paged("alice", 2, Instant.parse("2027-03-23T17:00:00Z"), 1),
                // Monday 29 March 07:30 CEST (05:30Z): before work, in summer time.
                new PageCounts.Paged("alice", 3, Instant.parse("2027-03-29T05:30:00Z"), 0),
                new PageCounts.Paged("bob", 2, Instant.parse("2027-03-23T17:00:00Z"), 2),
                new PageCounts.Paged("somebody-removed", 4, Instant.parse("2027-03-23T17:00:00Z"), 1));

        List<PersonHours> report = HoursReport.compute(example, Map.of(), paged, FROM, TO);

        PersonHours alice = line(report, "alice");
        assertThat(alice.pages()).isEqualTo(3);
        assertThat(alice.notifications()).isEqualTo(5);
        assertThat(alice.pagesOutsideWorkingHours()).isEqualTo(2);
        PersonHours bob = line(report, "bob");
        assertThat(bob.pages()).isEqualTo(1);
        assertThat(bob.notifications()).isEqualTo(2);
        assertThat(bob.pagesOutsideWorkingHours()).as("Bob has no working hours").isNull();
        PersonHours carol = line(report, "carol");
        assertThat(carol.pages()).isZero();
        assertThat(carol.notifications()).isZero();
        assertThat(report).extracting(PersonHours::userId).doesNotContain("somebody-removed");
    }
}
