package dev.tocsin.login;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after {@link #MAX_FAILURES} failed logins for one email, or from one address, within
 * {@link #WINDOW}, further attempts are refused until the oldest failure leaves the window. In memory, per node.
 * The time is an argument, so tests move it instead of waiting.
 */
public final class LoginThrottle {
    public static final int MAX_FAILURES = 5;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    private static final int MAX_KEYS = 100_000;

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    /** How long to wait before trying again, if attempts for any of {@code keys} are refused now. */
    public Optional<Duration> refusal(Instant now, String... keys) {
        Duration longest = null;
        for (String key : keys) {
            Deque<Instant> recent = failures.get(key);
            if (recent == null) continue;
            synchronized (recent) {
                prune(recent, now);
                if (recent.size() >= MAX_FAILURES) {
                    Duration wait = Duration.between(now, recent.peekFirst().plus(WINDOW));
                    if (longest == null || wait.compareTo(longest) > 0) longest = wait;
                }
            }
        }
        return Optional.ofNullable(longest);
    }

    public void failed(Instant now, String... keys) {
        if (failures.size() > MAX_KEYS) failures.clear();   // a flood of distinct keys must not exhaust memory
        for (String key : keys) {
            Deque<Instant> recent = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
            synchronized (recent) {
                prune(recent, now);
                recent.addLast(now);
            }
        }
    }

    public void succeeded(String key) {
        failures.remove(key);
    }

    private static void prune(Deque<Instant> recent, Instant now) {
        while (!recent.isEmpty() && !recent.peekFirst().plus(WINDOW).isAfter(now)) recent.removeFirst();
    }
}
