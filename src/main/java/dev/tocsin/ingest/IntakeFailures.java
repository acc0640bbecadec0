package dev.tocsin.ingest;

import dev.tocsin.store.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * Turns an intake that failed into an answer. Storage that cannot take events right now
 * ({@link StorageException}) is a 503 with Retry-After, which every sender retries; anything else is our bug, a 500.
 * Neither is ever a 4xx: the event was fine.
 */
final class IntakeFailures {
    private static final Logger log = LoggerFactory.getLogger(IntakeFailures.class);

    private final IngestMetrics metrics;

    IntakeFailures(IngestMetrics metrics) {
        this.metrics = metrics;
    }

    /** The intake's future, or a failed one if the intake threw instead of returning. */
    <T> CompletableFuture<T> guard(Supplier<CompletableFuture<T>> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    Reply reply(Endpoint endpoint, Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof StorageException) {
            log.warn("{}: storage cannot take events right now: {}", endpoint.metricName, cause.getMessage());
            metrics.rejected(endpoint, "unavailable");
            return Reply.unavailable("storage is unavailable: " + cause.getMessage(), Reply.STORAGE_RETRY_AFTER_SECONDS);
        }
        log.error("{}: unexpected failure while storing events", endpoint.metricName, cause);
        metrics.rejected(endpoint, "error");
        return Reply.of(500, "error", "Internal error; see the server log", List.of(String.valueOf(cause.getMessage())));
    }
}
