package dev.tocsin.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local stand-in for a paging provider (a webhook receiver or an SMS gateway): answers every request
 * {@code 200 {"ok":true}} and notes, for each benchmark key in the body, when the first request carrying it
 * arrived ({@link System#nanoTime()}, the same clock as the load generator's, since both run in this process).
 */
final class FakeProvider implements AutoCloseable {
    private static final byte[] ANSWER = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "fake-provider");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Long> firstReceived = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong repeats = new AtomicLong();

    FakeProvider() throws IOException {
        // The JDK server writes headers and body separately; with Nagle's algorithm on, the body then waits for
        // the client's delayed ACK (up to 40 ms on Linux), which would be measured as paging latency.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private void handle(HttpExchange exchange) throws IOException {
        long received = System.nanoTime();
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        requests.incrementAndGet();
        for (String key : PageKeys.in(body)) {
            if (firstReceived.putIfAbsent(key, received) != null) repeats.incrementAndGet();
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, ANSWER.length);
        exchange.getResponseBody().write(ANSWER);
        exchange.close();
    }

    /** When the first page naming this key arrived, or null. */
    Long received(String key) {
        return firstReceived.get(key);
    }

    long requests() {
        return requests.get();
    }

    /** Pages naming a key that had already been paged (a retry, or the same incident paged twice). */
    long repeats() {
        return repeats.get();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
