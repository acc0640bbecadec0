package dev.tocsin.store;

/** The database could not do what was asked (unreachable, full, shutting down). Callers answer 503, never 4xx. */
public class StorageException extends RuntimeException {
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }

    public StorageException(String message) {
        super(message);
    }
}
