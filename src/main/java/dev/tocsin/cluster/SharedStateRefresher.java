package dev.tocsin.cluster;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Keeps what a node holds in memory (the configuration snapshot, the token cache, cached on-call answers) in
 * step with what other nodes on the same database wrote. Every {@link #INTERVAL} it runs each part's cheap
 * check, which reloads only when the stored state moved on. A change made on one node is therefore in force on
 * every other node within {@link #MAX_STALENESS}; the request path itself never asks the database.
 *
 * <p>A simple poll rather than PostgreSQL's LISTEN/NOTIFY: it works the same on SQLite, needs no connection
 * held open outside the pool, and cannot miss a notification while a node reconnects. On a single node it is
 * a few primary-key reads a second. Tests call {@link #refreshNow()}.
 */
public final class SharedStateRefresher implements AutoCloseable {
    /** How often every part checks the database. */
    public static final Duration INTERVAL = Duration.ofSeconds(1);
    /**
     * How long a change made on another node may go unnoticed: one {@link #INTERVAL} plus the time a refresh
     * takes (a few primary-key reads, and reloading the configuration when it changed).
     */
    public static final Duration MAX_STALENESS = Duration.ofSeconds(2);
    private static final Logger LOG = LoggerFactory.getLogger(SharedStateRefresher.class);

    /**
     * One thing a node keeps in memory.
     *
     * @param name    for logs, e.g. {@code "configuration"}
     * @param refresh checks the database and reloads or forgets what changed; true if it did
     */
    public record Part(String name, BooleanSupplier refresh) {
    }

    private final List<Part> parts;
    private final dev.tocsin.time.Periodic periodic;

    public SharedStateRefresher(List<Part> parts) {
        this.parts = List.copyOf(parts);
        this.periodic = new dev.tocsin.time.Periodic("tocsin-shared-state", INTERVAL, INTERVAL, this::refreshNow);
    }

    /**
     * Runs every part's check now, on the caller's thread; returns the names of the parts that changed. A part
     * that fails is logged and left for the next run, and does not stop the others.
     */
    public synchronized List<String> refreshNow() {
        List<String> changed = new java.util.ArrayList<>();
        for (Part part : parts) {
            try {
                if (part.refresh().getAsBoolean()) changed.add(part.name());
            } catch (RuntimeException e) {
                LOG.warn("refreshing the {} from the database failed; trying again in {} ms: {}", part.name(),
                        INTERVAL.toMillis(), e.toString());
            }
        }
        return changed;
    }

    public void start() {
        periodic.start();
    }

    @Override
    public void close() {
        periodic.close();
    }
}
