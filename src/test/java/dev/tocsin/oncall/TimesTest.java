package dev.tocsin.oncall;

import dev.tocsin.refusal.Refusal;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimesTest {
    private static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");

    @Test
    void instantsOffsetsAndLocalTimesInTheSchedulesZone() {
        assertThat(Times.parse("at", "2027-03-29T07:30:00Z", ZURICH)).isEqualTo(Instant.parse("2027-03-29T07:30:00Z"));
        assertThat(Times.parse("at", "2027-03-29T09:30:00+02:00", ZURICH)).isEqualTo(Instant.parse("2027-03-29T07:30:00Z"));
        assertThat(Times.parse("at", "2027-03-29T09:30", ZURICH)).isEqualTo(Instant.parse("2027-03-29T07:30:00Z"));
        assertThat(Times.parse("at", "2027-03-26T09:30", ZURICH)).isEqualTo(Instant.parse("2027-03-26T08:30:00Z"));
    }

    @Test
    void aLocalTimeInTheSpringGapMovesForwardAndARepeatedOneTakesTheFirstPass() {
        assertThat(Times.parse("at", "2027-03-28T02:30", ZURICH)).isEqualTo(Instant.parse("2027-03-28T01:30:00Z"));
        assertThat(Times.parse("at", "2027-10-31T02:30", ZURICH)).isEqualTo(Instant.parse("2027-10-31T00:30:00Z"));
    }

    @Test
    void somethingElseIsA400NamingTheParameter() {
        assertThatThrownBy(() -> Times.parse("until", "18h", ZURICH)).isInstanceOf(Refusal.class)
                .hasMessageContaining("until: '18h' is not a time").hasMessageContaining("Europe/Zurich");
    }

    @Test
    void peopleReadTimesInTheirOwnZone() {
        Instant instant = Instant.parse("2027-03-29T07:30:00Z");
        assertThat(Times.human(instant, ZURICH)).isEqualTo("Mon 29 Mar 2027 09:30 CEST");
        assertThat(Times.human(instant, ZoneId.of("Australia/Sydney"))).isEqualTo("Mon 29 Mar 2027 18:30 AEDT");
    }
}
