package dev.tocsin.bench;

import java.util.Arrays;

/**
 * Percentiles of a set of latencies in nanoseconds, by the nearest-rank method: the p-th percentile is the
 * smallest value with at least p% of the values at or below it (so p99 of 100 values is the 99th smallest).
 */
public record Latencies(int count, double p50Millis, double p90Millis, double p99Millis, double maxMillis, double minMillis) {
    public static Latencies of(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        if (sorted.length == 0) return new Latencies(0, 0, 0, 0, 0, 0);
        return new Latencies(sorted.length, percentile(sorted, 0.50), percentile(sorted, 0.90), percentile(sorted, 0.99),
                sorted[sorted.length - 1] / 1e6, sorted[0] / 1e6);
    }

    /** The nearest-rank percentile of sorted nanoseconds, in milliseconds. */
    static double percentile(long[] sorted, double fraction) {
        if (sorted.length == 0) return 0;
        int rank = (int) Math.ceil(fraction * sorted.length);
        return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] / 1e6;
    }

    public String report() {
        return String.format("p50=%.1f ms p90=%.1f ms p99=%.1f ms max=%.1f ms (min %.1f ms, n=%d)",
                p50Millis, p90Millis, p99Millis, maxMillis, minMillis, count);
    }
}
