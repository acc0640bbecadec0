package dev.tocsin.health;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/**
 * The threads without which a node accepts nothing: the database writer and the timer engine (which also sends
 * notices and runs the recurring jobs).
 * If one dies — an {@code OutOfMemoryError} ends it, say — the node must say so instead of answering health
 * checks while every alert waits forever: {@code /readyz} fails at once, and {@link #watch} ends the process with
 * {@link #EXIT_STATUS} so its supervisor starts a healthy one. Everything a sender was told was accepted is
 * committed already, so ending the process loses nothing.
 */
public final class Vitals implements AutoCloseable {
    /** The exit status of a node that stopped because a vital thread died (EX_SOFTWARE). */
    public static final int EXIT_STATUS = 70;
    /** How often the watchdog looks. */
    public static final Duration WATCH_INTERVAL = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(Vitals.class);

    /** One thread that must stay alive, by what it does. */
    public record Vital(String name, BooleanSupplier alive) {
    }

    private final List<Vital> vitals;
    private volatile ScheduledExecutorService watchdog;

    public Vitals(List<Vital> vitals) {
        this.vitals = List.copyOf(vitals);
    }

    /** The names of the vital threads that died. */
    public List<String> dead() {
        return vitals.stream().filter(vital -> !vital.alive().getAsBoolean()).map(Vital::name).toList();
    }

    /**
     * Checks every {@link #WATCH_INTERVAL}; on the first death, logs it and calls {@code exit} with
     * {@link #EXIT_STATUS} (the server halts the process; tests pass their own).
     */
    public synchronized void watch(IntConsumer exit) {
        if (watchdog != null) return;
        watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "vitals-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        watchdog.scheduleWithFixedDelay(() -> {
            List<String> dead = dead();
            if (dead.isEmpty()) return;
            LOG.error("Vital thread(s) died: {}. This node accepts nothing any more; exiting with status {} so it is restarted",
                    String.join(", ", dead), EXIT_STATUS);
            watchdog.shutdown();
            exit.accept(EXIT_STATUS);
        }, WATCH_INTERVAL.toMillis(), WATCH_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void close() {
        if (watchdog != null) watchdog.shutdownNow();
    }
}
