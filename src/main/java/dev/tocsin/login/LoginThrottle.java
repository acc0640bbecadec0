package dev.tocsin.login;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after {@link #MAX_FAILURES_PER_EMAIL} failed sign-ins for one email within
 * {@link #WINDOW}, or {@link #MAX_FAILURES_PER_ADDRESS} from one address (higher: behind a proxy many people share
 * one), further attempts are refused until the oldest failure leaves the window. In memory, per node. The time is
 * an argument, so tests move it instead of waiting.
 */
public final class LoginThrottle {
    public static final int MAX_FAILURES_PER_EMAIL = 5;
    public static final int MAX_FAILURES_PER_ADDRESS = 50;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    private static final int MAX_KEYS = 100_000;

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    /** How long to wait before trying again, if sign-ins for this email or from this address are refused now. */
    public Optional<Duration> refusal(Instant now, String email, String address) {
        Duration byEmail = wait(emailKey(email), MAX_FAILURES_PER_EMAIL, now);
        Duration byAddress = wait(addressKey(address), MAX_FAILURES_PER_ADDRESS, now);
        if (byEmail == null) return Optional.ofNullable(byAddress);
        if (byAddress == null) return Optional.of(byEmail);
        return Optional.of(byEmail.compareTo(byAddress) >= 0 ? byEmail : byAddress);
    }

    public void failed(Instant now, String email, String address) {
        if (failures.size() > MAX_KEYS) failures.clear();   // a flood of distinct keys must not exhaust memory
        for (String key : new String[] {emailKey(email), addressKey(address)}) {
            Deque<Instant> recent = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
            synchronized (recent) {
                prune(recent, now);
                recent.addLast(now);
            }
        }
    }

    /** A successful sign-in forgets the email's failures (not the address's). */
    public void succeeded(String email) {
        failures.remove(emailKey(email));
    }

    private Duration wait(String key, int allowed, Instant now) {
        Deque<Instant> recent = failures.get(key);
        if (recent == null) return null;
        synchronized (recent) {
            prune(recent, now);
            return recent.size() >= allowed ? Duration.between(now, recent.peekFirst().plus(WINDOW)) : null;
        }
    }

    private static String emailKey(String email) {
        return "email:" + (email == null ? "" : email.trim().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }

    private static void prune(Deque<Instant> recent, Instant now) {
        while (!recent.isEmpty() && !recent.peekFirst().plus(WINDOW).isAfter(now)) recent.removeFirst();
    }
}
