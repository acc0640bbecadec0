package dev.tocsin.engine;

import dev.tocsin.store.Database;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.List;

/** A test handler whose side effect is a row in {@code fired} per firing (no unique key: doubles would show). */
class Fired implements TimerHandler {
    static final String KIND = "test";
    /** The same side effect after outside work that takes {@code performMillis} (a slow provider). */
    static class Slow extends Fired implements TimerHandler.WithOutsideWork {
        private final long performMillis;

        Slow(long performMillis) {
            this.performMillis = performMillis;
        }

        @Override
        public Object perform(Timer timer, Instant now) throws Exception {
            if (performMillis > 0) Thread.sleep(performMillis);
            return null;
        }
    }

    /**
     * Outside work that, like a provider client, answers an interrupt instead of throwing it (ProviderHttp turns
     * one into an IOException, which a sender reports as a transient failure): an interrupted node is not stopped
     * by it.
     */
    static class Provider extends Slow {
        Provider(long performMillis) {
            super(performMillis);
        }

        @Override
        public Object perform(Timer timer, Instant now) {
            try {
                return super.perform(timer, now);
            } catch (Exception e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }

    static void createTable(Database database) {
        database.writeAndWait(handle -> handle.execute("CREATE TABLE fired (timer_key TEXT NOT NULL, due_at BIGINT NOT NULL,"
                + " fired_at BIGINT NOT NULL, wall_millis BIGINT NOT NULL)"));
    }

    static List<String> keys(Database database) {
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT timer_key FROM fired ORDER BY timer_key")
                .mapTo(String.class).list());
    }

    /** Lateness of each firing by the wall clock, in milliseconds. */
    static List<Long> latenessMillis(Database database) {
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT wall_millis - due_at FROM fired")
                .mapTo(Long.class).list());
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void fire(Handle handle, Timer timer, Instant now) {
        handle.createUpdate("INSERT INTO fired (timer_key, due_at, fired_at, wall_millis) VALUES (:key, :due, :now, :wall)")
                .bind("key", timer.key())
                .bind("due", timer.dueAt().toEpochMilli())
                .bind("now", now.toEpochMilli())
                .bind("wall", System.currentTimeMillis())
                .execute();
    }
}
