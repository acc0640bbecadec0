package dev.tocsin.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** The dedup keys the benchmark believes are open, shared by its workers. */
final class OpenKeys {
    private final List<String> keys = new ArrayList<>();

    synchronized void add(String key) {
        keys.add(key);
    }

    synchronized String random(Random random) {
        return keys.isEmpty() ? null : keys.get(random.nextInt(keys.size()));
    }

    /** Removes and returns a random key (swap-remove keeps it O(1)). */
    synchronized String take(Random random) {
        if (keys.isEmpty()) return null;
        int index = random.nextInt(keys.size());
        String key = keys.get(index);
        keys.set(index, keys.get(keys.size() - 1));
        keys.remove(keys.size() - 1);
        return key;
    }
}
