package dev.tocsin.config;

import dev.tocsin.schedule.OnCall;
import dev.tocsin.schedule.Schedule;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The issue-2 example configuration, as parsed from YAML, answers who is on call across the 2027 DST changes. */
class ExampleOnCallTest {
    private static Schedule schedule(String id) {
        Document document = DocumentParser.parse(ConfigFixtures.example(),
                new ParseContext(Problems.of("example.yaml"), ConfigFixtures.EXAMPLE_ENV), new HashMap<>());
        return (Schedule) document.find(Kind.SCHEDULE, id).orElseThrow().value();
    }

    @Test
    void primaryAndBackupAlternateWeeklyOnMondayAtNineZurichTime() {
        OnCall primary = new OnCall(schedule("platform-primary"), List.of());
        OnCall backup = new OnCall(schedule("platform-backup"), List.of());

        assertThat(primary.at(Instant.parse("2026-11-02T07:59:00Z"))).isEmpty();
        assertThat(primary.at(Instant.parse("2026-11-02T08:00:00Z"))).containsExactly("alice");
        assertThat(backup.at(Instant.parse("2026-11-02T08:00:00Z"))).containsExactly("bob");
        // Spring 2027: Monday 2027-03-29 09:00 CEST is 07:00Z (week 21: bob primary).
        assertThat(primary.at(Instant.parse("2027-03-29T06:59:59Z"))).containsExactly("alice");
        assertThat(primary.at(Instant.parse("2027-03-29T07:00:00Z"))).containsExactly("bob");
        assertThat(backup.at(Instant.parse("2027-03-29T07:00:00Z"))).containsExactly("alice");
        // Autumn 2027: Monday 2027-11-01 09:00 CET is 08:00Z again (week 52: alice primary).
        assertThat(primary.at(Instant.parse("2027-11-01T07:59:59Z"))).containsExactly("bob");
        assertThat(primary.at(Instant.parse("2027-11-01T08:00:00Z"))).containsExactly("alice");
        assertThat(primary.gaps(Instant.parse("2026-11-02T08:00:00Z"), Instant.parse("2028-01-01T00:00:00Z"))).isEmpty();
    }
}
