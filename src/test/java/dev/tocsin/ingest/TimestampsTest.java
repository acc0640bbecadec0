package dev.tocsin.ingest;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TimestampsTest {
    @Test
    void readsRfc3339AndPagerDutysOffsetWithoutColon() {
        Instant expected = Instant.parse("2015-07-17T08:42:58.315Z");
        assertThat(Timestamps.parse("2015-07-17T08:42:58.315+0000")).contains(expected);
        assertThat(Timestamps.parse("2015-07-17T08:42:58.315Z")).contains(expected);
        assertThat(Timestamps.parse("2015-07-17T10:42:58.315+02:00")).contains(expected);
        assertThat(Timestamps.parse("2015-07-17T10:42:58.315+0200")).contains(expected);
        assertThat(Timestamps.parse("2015-07-17 08:42:58.315z")).contains(expected);
        assertThat(Timestamps.parse("2026-11-24T22:01:05.123456789Z")).contains(Instant.parse("2026-11-24T22:01:05.123456789Z"));
        assertThat(Timestamps.parse("0001-01-01T00:00:00Z")).isPresent();
    }

    @Test
    void refusesWhatIsNotATimestamp() {
        assertThat(Timestamps.parse("yesterday")).isEmpty();
        assertThat(Timestamps.parse("2015-07-17")).isEmpty();
        assertThat(Timestamps.parse(null)).isEmpty();
    }
}
