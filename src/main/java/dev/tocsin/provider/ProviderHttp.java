package dev.tocsin.provider;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The one small HTTP client the HTTP providers (ntfy, Slack, Teams, Mattermost, webhooks) share: POST a body
 * with headers, bounded by a connect and a read timeout, never following redirects (a redirected page is a
 * misconfigured endpoint, not a delivery). It does not retry and does not log: the caller classifies the answer.
 */
public final class ProviderHttp {
    /** How long to wait for the TCP/TLS connection. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** How long to wait for the answer once connected (Standard Webhooks asks for 15–30 s). */
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(15);

    private final HttpClient client;
    private final Duration readTimeout;

    public ProviderHttp() {
        this(CONNECT_TIMEOUT, READ_TIMEOUT);
    }

    public ProviderHttp(Duration connectTimeout, Duration readTimeout) {
        // HTTP/1.1 explicitly: the JDK otherwise tries an h2c upgrade on plain http, which some servers mishandle.
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.readTimeout = readTimeout;
    }

    /** An answer: status, body and headers. */
    public record Response(int status, String body, java.net.http.HttpHeaders headers) {
        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        public boolean isSuccess() {
            return status >= 200 && status < 300;
        }
    }

    /**
     * POSTs {@code body} (UTF-8) to {@code url}.
     *
     * @throws IOException when no answer came (refused, unreachable, timed out); always worth retrying
     */
    public Response post(String url, String contentType, Map<String, String> headers, String body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(readTimeout)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.body(), response.headers());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** True for the answers that say "try again later": 429 and every 5xx. */
    public static boolean isTransient(int status) {
        return status == 429 || status >= 500;
    }

    /** Why no answer came, without the URL (which may be a credential): "timed out", "connection refused". */
    public static String describe(IOException failure) {
        if (failure instanceof HttpTimeoutException) return "timed out";
        if (failure instanceof java.net.ConnectException) return "connection failed";
        if (failure instanceof java.net.UnknownHostException) return "unknown host";
        return failure.getClass().getSimpleName();
    }

    /**
     * A URL fit for logs and error messages: scheme and host only. Webhook URLs of Teams, Mattermost and
     * Slack carry their credential in the path or query, so they are never printed whole.
     */
    public static String redact(String url) {
        try {
            URI uri = URI.create(url);
            String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
            return uri.getScheme() + "://" + uri.getHost() + port + "/…";
        } catch (IllegalArgumentException e) {
            return "(invalid URL)";
        }
    }

    /** {@code text} cut to at most {@code maxLength} characters, for quoting a provider's answer in an error. */
    public static String excerpt(String text, int maxLength) {
        if (text == null) return "";
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= maxLength ? oneLine : oneLine.substring(0, maxLength) + "…";
    }
}
