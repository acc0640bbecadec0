package dev.tocsin.store;

import org.jdbi.v3.core.Handle;

/**
 * Change counters ("generations") kept as rows of the {@code counters} table: a write that other nodes must
 * notice bumps its generation inside its own transaction, and every node compares the stored value with the
 * one it last saw. Reading one row by primary key is what keeps the once-a-second check of several nodes on
 * one PostgreSQL database cheap.
 */
public final class Generations {
    private Generations() {
    }

    /**
     * Adds one to {@code name} (creating the row at 1) inside the caller's transaction and returns the new
     * value. On PostgreSQL the row stays locked until commit, so writers that bump the same generation first
     * are serialised across nodes.
     */
    public static long bump(Handle handle, String name) {
        return handle.createQuery("""
                        INSERT INTO counters (name, value) VALUES (:name, 1)
                        ON CONFLICT (name) DO UPDATE SET value = counters.value + 1
                        RETURNING value""")
                .bind("name", name).mapTo(Long.class).one();
    }

    /** The stored value of {@code name}; 0 before its first bump. */
    public static long read(Handle handle, String name) {
        return handle.createQuery("SELECT value FROM counters WHERE name = :name")
                .bind("name", name).mapTo(Long.class).findOne().orElse(0L);
    }
}
