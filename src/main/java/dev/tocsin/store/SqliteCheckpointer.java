package dev.tocsin.store;

import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Copies SQLite's write-ahead log into the database file in the background.
 *
 * <p>SQLite checkpoints inside the commit that crosses 1,000 log pages, so every so often one commit pays
 * for copying those pages and syncing the database file, and every request in that group waits. This thread
 * runs PASSIVE checkpoints (which never block the writer) several times a second, so by the time the
 * writer's own automatic checkpoint comes round almost everything is already copied and it only has to let
 * the log start over. (Turning automatic checkpoints off entirely was measured worse: under sustained writes
 * a passive checkpoint never catches the log's tip, and the log grew by hundreds of megabytes.)
 */
final class SqliteCheckpointer implements AutoCloseable {
    static final long INTERVAL_MILLIS = 250;

    private static final Logger log = LoggerFactory.getLogger(SqliteCheckpointer.class);

    private final Jdbi jdbi;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "tocsin-sqlite-checkpoint");
        thread.setDaemon(true);
        return thread;
    });

    SqliteCheckpointer(Jdbi jdbi) {
        this.jdbi = jdbi;
        scheduler.scheduleWithFixedDelay(this::checkpoint, INTERVAL_MILLIS, INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void checkpoint() {
        try {
            jdbi.useHandle(handle -> handle.createQuery("PRAGMA wal_checkpoint(PASSIVE)").mapToMap().list());
        } catch (RuntimeException e) {
            // a failed checkpoint only leaves more for the next one (or the writer's own) to copy
            log.warn("SQLite checkpoint failed: {}", e.getMessage());
        }
    }

    /** Stops, then folds the whole log into the database and truncates it. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
            jdbi.useHandle(handle -> handle.createQuery("PRAGMA wal_checkpoint(TRUNCATE)").mapToMap().list());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("final SQLite checkpoint failed: {}", e.getMessage());
        }
    }
}
