package dev.tocsin.time;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DurationsTest {
    @ParameterizedTest
    @CsvSource({"30s,PT30S,30s", "15m,PT15M,15m", "2h,PT2H,2h", "1d,PT24H,1d", "1w,PT168H,1w", "1h30m,PT1H30M,1h30m",
            "90m,PT1H30M,1h30m", "0m,PT0S,0m", "14d,PT336H,2w"})
    void readsAndWritesTheUnitsPeopleUse(String text, String iso, String canonical) {
        assertThat(Durations.parse(text)).isEqualTo(Duration.parse(iso));
        assertThat(Durations.format(Duration.parse(iso))).isEqualTo(canonical);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "15|malformed duration '15'; write it like 30s, 15m, 2h, 1d or 1w (a unit is required)",
            "15 min|malformed duration '15 min'; write it like 30s, 15m, 2h, 1d or 1w",
            "-5m|malformed duration '-5m'; write it like 30s, 15m, 2h, 1d or 1w",
            "2y|malformed duration '2y'; write it like 30s, 15m, 2h, 1d or 1w",
            "99999999999w|duration '99999999999w' is longer than 100 years"})
    void explainsWhatIsWrong(String text, String message) {
        assertThatThrownBy(() -> Durations.parse(text)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }
}
