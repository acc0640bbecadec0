package dev.tocsin.schedule;

import java.util.HashSet;
import java.util.Set;

/**
 * Combines layers and overrides into the final set at one instant. The highest-priority layers with someone
 * on call decide (equal priorities add up). Overrides replacing one user apply to that set: if the replaced
 * user is in it, they leave and the override's user joins; if not, the override does nothing. Overrides
 * replacing everyone win over all of that: the set is then exactly their users, combined.
 */
final class OnCallSet {
    private OnCallSet() {
    }

    /** {@code layers} sorted by priority (highest first) with {@code current[i]} on call in layer i (or null). */
    static Set<String> of(LayerTimeline[] layers, Participant[] current, Override[] active) {
        Set<String> users = new HashSet<>();
        for (int i = 0; i < layers.length && users.isEmpty(); ) {
            int priority = layers[i].priority();
            for (; i < layers.length && layers[i].priority() == priority; i++) {
                if (current[i] != null) users.addAll(current[i].users());
            }
        }
        if (active.length == 0) return Set.copyOf(users);
        Set<String> everyone = new HashSet<>();
        Set<String> removed = new HashSet<>();
        Set<String> added = new HashSet<>();
        for (Override override : active) {
            if (override.replacesEveryone()) {
                everyone.add(override.userId());
            } else if (users.contains(override.replacing())) {
                removed.add(override.replacing());
                added.add(override.userId());
            }
        }
        if (!everyone.isEmpty()) return Set.copyOf(everyone);
        users.removeAll(removed);
        users.addAll(added);
        return Set.copyOf(users);
    }
}
