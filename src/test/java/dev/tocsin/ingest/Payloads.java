package dev.tocsin.ingest;

import dev.tocsin.config.IntegrationBinding;
import dev.tocsin.urgency.Severity;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Senders' real payloads from {@code src/test/resources/payloads/}, and integrations to receive them. */
final class Payloads {
    static final Instant RECEIVED_AT = Instant.parse("2026-11-24T22:15:00Z");
    static final String EVENTS_KEY = "3f9c0d2a7b4e4c1f9a8d6e5b2c1a0f9e";

    private Payloads() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Payloads.class.getClassLoader().getResourceAsStream("payloads/" + name)) {
            if (in == null) throw new IllegalArgumentException("no payload fixture " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static IntegrationBinding binding(String type, String key) {
        return new IntegrationBinding("customer-api", type, key, Severity.WARNING,
                IntegrationBinding.DEFAULT_RATE_LIMIT_PER_SECOND, null);
    }

    static IntegrationBinding eventsV2() {
        return binding("events-v2", EVENTS_KEY);
    }

    static <T> T parsed(ParseResult<T> result) {
        if (result instanceof ParseResult.Parsed<T> parsed) return parsed.value();
        throw new AssertionError("expected a parsed payload, got " + result);
    }

    static java.util.List<String> problems(ParseResult<?> result) {
        if (result instanceof ParseResult.Invalid<?> invalid) return invalid.problems();
        throw new AssertionError("expected an invalid payload, got " + result);
    }
}
