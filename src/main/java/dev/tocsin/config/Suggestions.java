package dev.tocsin.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** "Did you mean …?" for misspelt keys and ids: the closest candidate within a small edit distance. */
final class Suggestions {
    /** Longer text is no misspelling of a key or an id; the edit distance would only cost time. */
    static final int MAX_TYPED = 100;

    private Suggestions() {
    }

    static Optional<String> closest(String typed, Collection<String> candidates) {
        if (typed.length() <= 3 || typed.length() > MAX_TYPED) return Optional.empty();
        int allowed = Math.max(1, Math.min(3, typed.length() / 3));
        return candidates.stream()
                .filter(candidate -> Math.abs(candidate.length() - typed.length()) <= allowed)
                .map(candidate -> new Object[] {candidate, distance(typed.toLowerCase(), candidate.toLowerCase())})
                .filter(pair -> (int) pair[1] <= allowed)
                .min(Comparator.comparingInt(pair -> (int) pair[1]))
                .map(pair -> (String) pair[0]);
    }

    /** " (did you mean 'x'?)" or "". */
    static String hint(String typed, Collection<String> candidates) {
        return closest(typed, candidates).map(found -> " (did you mean '" + found + "'?)").orElse("");
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) previous[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
