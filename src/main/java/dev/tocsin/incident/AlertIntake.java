package dev.tocsin.incident;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Applies alert events durably: the returned future completes once the events, and the alerts and incidents
 * they opened or changed, are committed. (Skeleton; implemented by the incident work.)
 */
public final class AlertIntake {
    /** Applies the events in order, in one transaction; outcomes are in the same order. */
    public CompletableFuture<List<AlertOutcome>> submit(List<AlertEvent> events) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Stores a change event durably. */
    public CompletableFuture<Void> submitChange(ChangeEvent change) {
        throw new UnsupportedOperationException("not yet");
    }
}
