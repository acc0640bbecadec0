package dev.tocsin.store;

/**
 * Thrown by a write job that finds something it read changed by another transaction before it could write (two
 * incidents taking the same round-robin turn on two writer lanes or nodes). The writer runs such a job again on
 * its own, reading afresh, a few times before giving up; so does it for a PostgreSQL deadlock or serialization
 * failure, which are the database's way of saying the same.
 */
public final class WriteConflict extends RuntimeException {
    public WriteConflict(String message) {
        super(message);
    }
}
