package dev.tocsin.schedule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Overrides sorted into an interval index: the distinct override edges cut time into elementary segments,
 * and each segment knows which overrides are active in it, so a lookup is one binary search.
 */
final class OverrideIndex {
    private static final Override[] NONE = new Override[0];

    private final Instant[] edges;          // sorted, distinct
    private final Override[][] active;      // active[i] applies on [edges[i], edges[i+1])

    OverrideIndex(List<Override> overrides) {
        TreeSet<Instant> distinct = new TreeSet<>();
        for (Override override : overrides) {
            if (override.start().isBefore(override.end())) {
                distinct.add(override.start());
                distinct.add(override.end());
            }
        }
        this.edges = distinct.toArray(new Instant[0]);
        List<List<Override>> lists = new ArrayList<>();
        for (int i = 0; i < edges.length; i++) lists.add(new ArrayList<>());
        for (Override override : overrides) {
            if (!override.start().isBefore(override.end())) continue;
            int from = Arrays.binarySearch(edges, override.start());
            int to = Arrays.binarySearch(edges, override.end());
            for (int i = from; i < to; i++) lists.get(i).add(override);
        }
        this.active = new Override[edges.length][];
        for (int i = 0; i < edges.length; i++) active[i] = lists.get(i).toArray(NONE);
    }

    /** The overrides active at the instant. */
    Override[] at(Instant instant) {
        int index = Arrays.binarySearch(edges, instant);
        if (index < 0) index = -index - 2;   // the segment that starts before the instant
        return index < 0 ? NONE : active[index];
    }

    /** The override edges strictly inside (from, to). */
    List<Instant> edgesWithin(Instant from, Instant to) {
        int index = Arrays.binarySearch(edges, from);
        index = index < 0 ? -index - 1 : index + 1;
        List<Instant> within = new ArrayList<>();
        while (index < edges.length && edges[index].isBefore(to)) within.add(edges[index++]);
        return within;
    }
}
