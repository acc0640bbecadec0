package dev.tocsin.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * GET requests for JSON to a source's REST API with the JDK's HTTP client. Rate limits are honoured: a 429 (or
 * 503) is retried after {@code Retry-After} seconds, else after {@code X-RateLimit-Period-In-Sec} (Opsgenie),
 * else after a doubling back-off, up to {@link #MAX_ATTEMPTS} attempts. The sleeping is injected so tests do not wait.
 */
public final class JsonHttp {
    /** How often one request is tried before the import gives up on it. */
    public static final int MAX_ATTEMPTS = 6;
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    static final Duration MAX_WAIT = Duration.ofMinutes(2);
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Waits; {@link #REAL} sleeps the thread. */
    public interface Sleeper {
        Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

        void sleep(Duration duration) throws InterruptedException;
    }

    /** A response other than 2xx after the retries; {@code status} 404 lets callers skip optional endpoints. */
    public static final class Failure extends RuntimeException {
        private final int status;

        Failure(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String baseUrl;
    private final String authorization;
    private final Sleeper sleeper;

    public JsonHttp(String baseUrl, String authorization, Sleeper sleeper) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.authorization = authorization;
        this.sleeper = sleeper;
    }

    /** GET {@code pathAndQuery} (starting with '/'), parsed as JSON. */
    public JsonNode get(String pathAndQuery) {
        Duration backoff = FIRST_BACKOFF;
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response = send(pathAndQuery);
            int status = response.statusCode();
            if (status / 100 == 2) return parse(pathAndQuery, response.body());
            if ((status == 429 || status == 503) && attempt < MAX_ATTEMPTS) {
                Duration wait = waitFor(response).orElse(backoff);
                backoff = backoff.multipliedBy(2);
                try {
                    sleeper.sleep(wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new Failure(status, "interrupted while waiting for the rate limit of GET " + pathAndQuery);
                }
                continue;
            }
            String body = response.body() == null ? "" : response.body();
            throw new Failure(status, "GET " + pathAndQuery + " answered " + status + ": "
                    + (body.length() > 200 ? body.substring(0, 200) + "…" : body));
        }
    }

    static Optional<Duration> waitFor(HttpResponse<?> response) {
        for (String header : new String[] {"Retry-After", "X-RateLimit-Period-In-Sec"}) {
            Optional<String> value = response.headers().firstValue(header);
            if (value.isEmpty()) continue;
            try {
                double seconds = Double.parseDouble(value.get().trim());
                if (seconds >= 0) return Optional.of(Duration.ofMillis((long) (seconds * 1000)));
            } catch (NumberFormatException ignored) {
                // An HTTP date in Retry-After: fall back to the back-off rather than trusting clocks to agree.
            }
        }
        return Optional.empty();
    }

    private HttpResponse<String> send(String pathAndQuery) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).timeout(TIMEOUT)
                .header("Authorization", authorization).header("Accept", "application/json").GET().build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Failure(0, "GET " + baseUrl + pathAndQuery + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure(0, "interrupted: GET " + pathAndQuery);
        }
    }

    private static JsonNode parse(String path, String body) {
        try {
            return JSON.readTree(body == null || body.isEmpty() ? "{}" : body);
        } catch (IOException e) {
            throw new Failure(200, "GET " + path + " did not answer JSON: " + e.getMessage());
        }
    }
}
