package dev.tocsin.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Keeps a second Tocsin process off an SQLite file. SQLite mode is single-node: two engines on one file
 * would both fire the same timers, so the second one is refused with a message that says why.
 */
final class SqliteFileLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private SqliteFileLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static SqliteFileLock acquire(String url) {
        Path database = databasePath(url);
        if (database == null) return null;
        ensureParentDirectory(url);
        Path lockFile = database.resolveSibling(database.getFileName() + ".lock");
        try {
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw new StorageException("another Tocsin process is using " + database
                        + "; SQLite mode runs one process per database file (use PostgreSQL for several nodes)");
            }
            return new SqliteFileLock(channel, lock);
        } catch (java.nio.channels.OverlappingFileLockException e) {
            throw new StorageException("this process already has " + database + " open");
        } catch (IOException e) {
            throw new StorageException("cannot lock " + lockFile + ": " + e.getMessage(), e);
        }
    }

    static void ensureParentDirectory(String url) {
        Path database = databasePath(url);
        if (database == null || database.toAbsolutePath().getParent() == null) return;
        try {
            Files.createDirectories(database.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new StorageException("cannot create directory for " + database + ": " + e.getMessage(), e);
        }
    }

    /** The file behind a jdbc:sqlite: URL, or null for an in-memory database. */
    static Path databasePath(String url) {
        String rest = url.substring("jdbc:sqlite:".length());
        int query = rest.indexOf('?');
        if (query >= 0) rest = rest.substring(0, query);
        if (rest.startsWith("file:")) rest = rest.substring(5);
        if (rest.isEmpty() || rest.equals(":memory:") || rest.contains("mode=memory")) return null;
        return Path.of(rest);
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // the lock dies with the process anyway
        }
    }
}
