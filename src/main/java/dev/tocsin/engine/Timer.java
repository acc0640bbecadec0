package dev.tocsin.engine;

import java.time.Instant;

/**
 * One durable timer as a handler sees it: what to do ({@code kind} + {@code payload}, JSON text), under which
 * idempotency {@code key}, when it was due, and how many times it has been claimed so far (1 on the first try).
 */
public record Timer(long id, String kind, String key, String payload, Instant dueAt, int attempts) {
}
