package dev.tocsin.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Tocsin's database: a connection pool, migrations, and the group-commit writer every write goes through.
 *
 * <p>Reads use {@link #jdbi()} directly. Writes go through {@link #write} so that concurrent writes share
 * one durable commit (and, on SQLite, so there is exactly one writer).
 */
public final class Database implements AutoCloseable {
    public static final String DEFAULT_URL = "jdbc:sqlite:./data/tocsin.db";
    public static final int DEFAULT_POOL_SIZE = 10;

    private final String url;
    private final Dialect dialect;
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final WriterLanes writer;
    private final SqliteFileLock fileLock;
    private final SqliteCheckpointer checkpointer;

    private Database(String url, Dialect dialect, HikariDataSource dataSource, SqliteFileLock fileLock,
                     MeterRegistry metrics) {
        this.url = url;
        this.dialect = dialect;
        this.dataSource = dataSource;
        this.fileLock = fileLock;
        this.jdbi = Jdbi.create(dataSource);
        dialect.defineOn(jdbi);
        this.checkpointer = dialect == Dialect.SQLITE ? new SqliteCheckpointer(jdbi) : null;
        this.writer = new WriterLanes(jdbi, metrics,
                dialect == Dialect.SQLITE ? WriterLanes.SQLITE_LANES : WriterLanes.POSTGRESQL_LANES);
    }

    /** Opens (creating if needed) and migrates the database at {@code url}, as the one server using it. */
    public static Database open(String url, MeterRegistry metrics) {
        return open(url, metrics, true);
    }

    /**
     * Opens the database; {@code exclusive} takes the SQLite single-process lock (servers do; a one-shot
     * command such as {@code admin create-token} does not, so it can run beside a server).
     */
    public static Database open(String url, MeterRegistry metrics, boolean exclusive) {
        Dialect dialect = Dialect.of(url);
        SqliteFileLock lock = dialect == Dialect.SQLITE && exclusive ? SqliteFileLock.acquire(url) : null;
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(poolConfig(url, dialect));
        } catch (RuntimeException e) {
            if (lock != null) lock.close();
            throw new StorageException("cannot connect to " + redact(url) + ": " + rootMessage(e), e);
        }
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations(dialect.migrationLocations())
                    .placeholders(dialect.migrationPlaceholders())
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            if (lock != null) lock.close();
            throw new StorageException("cannot migrate " + redact(url) + ": " + rootMessage(e), e);
        }
        return new Database(url, dialect, dataSource, lock, metrics);
    }

    private static HikariConfig poolConfig(String url, Dialect dialect) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setPoolName("tocsin");
        config.setMaximumPoolSize(DEFAULT_POOL_SIZE);
        config.setInitializationFailTimeout(10_000);
        if (dialect == Dialect.SQLITE) {
            SqliteFileLock.ensureParentDirectory(url);
            // WAL lets readers run beside the single writer; synchronous=FULL fsyncs the WAL on every commit,
            // which is what makes a 202 survive a kill -9 (NORMAL would only survive a process crash).
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("synchronous", "FULL");
            config.addDataSourceProperty("journal_size_limit", Long.toString(64L * 1024 * 1024));
            config.addDataSourceProperty("busy_timeout", "10000");
            config.addDataSourceProperty("foreign_keys", "true");
        }
        return config;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The URL with any password removed, safe to print. */
    public String describe() {
        return redact(url);
    }

    /** Queues a write; the future completes once it is durably committed. */
    public <T> CompletableFuture<T> write(WriteJob<T> job) {
        return writer.submit(job);
    }

    /**
     * Queues a write that must be applied in order with every other write of the same {@code orderKey}
     * (on PostgreSQL, writes with different keys may commit in parallel).
     */
    public <T> CompletableFuture<T> write(String orderKey, WriteJob<T> job) {
        return writer.submit(orderKey, job);
    }

    /** Runs a write and waits for its commit; a job's own exception is rethrown as it was. */
    public <T> T writeAndWait(WriteJob<T> job) {
        try {
            return writer.submit(job).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted while writing", e);
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        }
    }

    public static RuntimeException unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof RuntimeException runtime) return runtime;
        return new StorageException(cause.getMessage(), cause);
    }

    /** True when a trivial query succeeds within a second. */
    /** False once a writer thread died: nothing could be written any more, so the node must not look healthy. */
    public boolean writerAlive() {
        return writer.isAlive();
    }

    public boolean isReachable() {
        try (var connection = dataSource.getConnection()) {
            return connection.isValid(1);
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() {
        writer.close();
        if (checkpointer != null) checkpointer.close();
        dataSource.close();
        if (fileLock != null) fileLock.close();
    }

    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//([^:/@]+):[^@/]*@", "//$1:***@");
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) cause = cause.getCause();
        return cause.getMessage();
    }
}
