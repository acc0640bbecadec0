package dev.tocsin.bench;

import org.junit.jupiter.api.Test;

import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class LatenciesTest {
    private static final long MS = 1_000_000;

    @Test
    void percentilesAreNearestRankOfTheSortedValues() {
        long[] hundred = LongStream.rangeClosed(1, 100).map(ms -> (101 - ms) * MS).toArray();   // 100 ms … 1 ms, unsorted

        Latencies latencies = Latencies.of(hundred);

        assertThat(latencies.count()).isEqualTo(100);
        assertThat(latencies.p50Millis()).isEqualTo(50.0);
        assertThat(latencies.p90Millis()).isEqualTo(90.0);
        assertThat(latencies.p99Millis()).isEqualTo(99.0);
        assertThat(latencies.maxMillis()).isEqualTo(100.0);
        assertThat(latencies.minMillis()).isEqualTo(1.0);
    }

    @Test
    void oneSlowValueOutOfAHundredIsAboveP99ButOneOutOfFiftyIsP99() {
        long[] hundred = LongStream.range(0, 100).map(i -> i == 7 ? 900 * MS : 10 * MS).toArray();
        long[] fifty = LongStream.range(0, 50).map(i -> i == 7 ? 900 * MS : 10 * MS).toArray();

        assertThat(Latencies.of(hundred).p99Millis()).isEqualTo(10.0);
        assertThat(Latencies.of(fifty).p99Millis()).isEqualTo(900.0);
    }

    @Test
    void fewValuesAndNoneGiveSensibleFigures() {
        assertThat(Latencies.of(new long[] {3 * MS}).p99Millis()).isEqualTo(3.0);
        assertThat(Latencies.of(new long[] {3 * MS}).p50Millis()).isEqualTo(3.0);
        assertThat(Latencies.of(new long[0]).count()).isZero();
        assertThat(Latencies.of(new long[0]).p99Millis()).isZero();
    }

    @Test
    void theInputIsNotReordered() {
        long[] values = {5 * MS, 1 * MS, 3 * MS};
        Latencies.of(values);
        assertThat(values).containsExactly(5 * MS, 1 * MS, 3 * MS);
    }
}
