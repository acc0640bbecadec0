package dev.tocsin.bench;

import dev.tocsin.app.Settings;
import dev.tocsin.app.Tocsin;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.StringRequestContent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives {@code POST /v2/enqueue} of a real server with N concurrent connections and a realistic mix:
 * 70% repeats of open dedup keys, 20% new alerts, 10% resolves. Reports events/s and latency percentiles,
 * then checks that every accepted event is in the database.
 */
public final class IngestBenchmark {
    public static final String ROUTING_KEY = "bench0000000000000000000000000001";

    /** What to run. */
    public record Options(String databaseUrl, int connections, Duration warmup, Duration duration, int initialOpenKeys) {
    }

    /** What was measured. */
    public record Result(String database, int connections, long accepted, long failed, double eventsPerSecond,
                         double p50Millis, double p99Millis, double maxMillis, long durableEvents, long expectedDurable) {
        public String report() {
            return String.format("database=%s connections=%d accepted=%d failed=%d throughput=%.0f events/s "
                            + "p50=%.2f ms p99=%.2f ms max=%.2f ms durable=%d/%d",
                    database, connections, accepted, failed, eventsPerSecond, p50Millis, p99Millis, maxMillis,
                    durableEvents, expectedDurable);
        }
    }

    private final Options options;
    private final OpenKeys openKeys = new OpenKeys();
    private final AtomicLong newKeys = new AtomicLong();

    public IngestBenchmark(Options options) {
        this.options = options;
    }

    public Result run() throws Exception {
        Path config = Files.createTempFile("tocsin-bench", ".yaml");
        try (InputStream in = IngestBenchmark.class.getResourceAsStream("/bench/ingest.yaml")) {
            Files.write(config, in.readAllBytes());
        }
        try (Tocsin tocsin = Tocsin.start(new Settings("127.0.0.1", 0, options.databaseUrl(), null, config, false),
                Clock.systemUTC())) {
            URI enqueue = URI.create("http://127.0.0.1:" + tocsin.port() + "/v2/enqueue");
            HttpClient client = new HttpClient();
            client.setMaxConnectionsPerDestination(options.connections() + 4);
            client.start();
            for (int i = 0; i < options.initialOpenKeys(); i++) {
                String key = "open-" + newKeys.incrementAndGet();
                send(client, enqueue, trigger(key));
                openKeys.add(key);
            }
            phase(client, enqueue, options.warmup(), false);
            long durableBefore = countEvents(tocsin);
            Phase measured = phase(client, enqueue, options.duration(), true);
            long durable = countEvents(tocsin) - durableBefore;
            var batches = tocsin.metrics().get("tocsin.db.commit.batch").summary();
            var commits = tocsin.metrics().get("tocsin.db.commit").timer();
            System.err.printf("writer: %d commits, mean group %.1f writes, mean commit %.2f ms, max %.2f ms%n",
                    batches.count(), batches.mean(), commits.mean(java.util.concurrent.TimeUnit.MILLISECONDS),
                    commits.max(java.util.concurrent.TimeUnit.MILLISECONDS));
            long[] latencies = measured.latenciesNanos();
            Arrays.sort(latencies);
            return new Result(tocsin.database().dialect().name().toLowerCase(), options.connections(),
                    measured.accepted(), measured.failed(),
                    measured.accepted() / (measured.elapsedNanos() / 1e9),
                    percentile(latencies, 0.50), percentile(latencies, 0.99),
                    latencies.length == 0 ? 0 : latencies[latencies.length - 1] / 1e6,
                    durable, measured.accepted());
        } finally {
            Files.deleteIfExists(config);
        }
    }

    private record Phase(long accepted, long failed, long elapsedNanos, long[] latenciesNanos) {
    }

    private Phase phase(HttpClient client, URI enqueue, Duration length, boolean record) throws InterruptedException {
        long deadline = System.nanoTime() + length.toNanos();
        CountDownLatch finished = new CountDownLatch(options.connections());
        List<Stream> streams = new ArrayList<>();
        for (int i = 0; i < options.connections(); i++) streams.add(new Stream(client, enqueue, deadline, record, finished));
        long start = System.nanoTime();
        streams.forEach(Stream::next);
        finished.await();
        long elapsed = System.nanoTime() - start;
        long accepted = streams.stream().mapToLong(w -> w.accepted).sum();
        long failed = streams.stream().mapToLong(w -> w.failed).sum();
        long[] latencies = streams.stream().flatMapToLong(w -> Arrays.stream(w.latencies, 0, w.count)).toArray();
        return new Phase(accepted, failed, elapsed, latencies);
    }

    /**
     * One connection's worth of load: sends a request, and when its answer arrives, the next one, until the
     * deadline. Asynchronous, like wrk, so the load generator needs no thread per connection and leaves the
     * CPU to the server.
     */
    private final class Stream {
        private final HttpClient client;
        private final URI enqueue;
        private final long deadline;
        private final boolean record;
        private final CountDownLatch finished;
        long accepted;
        long failed;
        long[] latencies = new long[1 << 16];
        int count;

        Stream(HttpClient client, URI enqueue, long deadline, boolean record, CountDownLatch finished) {
            this.client = client;
            this.enqueue = enqueue;
            this.deadline = deadline;
            this.record = record;
            this.finished = finished;
        }

        void next() {
            if (System.nanoTime() >= deadline) {
                finished.countDown();
                return;
            }
            ThreadLocalRandom random = ThreadLocalRandom.current();
            int dice = random.nextInt(100);
            String body;
            String resolved = null;
            String created = null;
            if (dice < 70) {
                String key = openKeys.random(random);
                body = trigger(key == null ? "open-0" : key);
            } else if (dice < 90) {
                created = "new-" + newKeys.incrementAndGet();
                body = trigger(created);
            } else {
                resolved = openKeys.take(random);
                body = resolve(resolved == null ? "none" : resolved);
            }
            String createdKey = created;
            String resolvedKey = resolved;
            long start = System.nanoTime();
            client.POST(enqueue)
                    .body(new StringRequestContent("application/json", body, StandardCharsets.UTF_8))
                    .timeout(30, TimeUnit.SECONDS)
                    .send(result -> {
                        long took = System.nanoTime() - start;
                        int status = result.isSucceeded() ? result.getResponse().getStatus() : -1;
                        if (status == 202) {
                            accepted++;
                            if (createdKey != null) openKeys.add(createdKey);
                        } else {
                            failed++;
                            if (resolvedKey != null) openKeys.add(resolvedKey);
                        }
                        if (record) {
                            if (count == latencies.length) latencies = Arrays.copyOf(latencies, count * 2);
                            latencies[count++] = took;
                        }
                        next();
                    });
        }
    }

    private static int send(HttpClient client, URI enqueue, String body) {
        try {
            return client.POST(enqueue)
                    .body(new StringRequestContent("application/json", body, StandardCharsets.UTF_8))
                    .timeout(30, TimeUnit.SECONDS)
                    .send().getStatus();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static String trigger(String dedupKey) {
        return "{\"routing_key\":\"" + ROUTING_KEY + "\",\"event_action\":\"trigger\",\"dedup_key\":\"" + dedupKey
                + "\",\"payload\":{\"summary\":\"High error rate on " + dedupKey + "\",\"source\":\"bench-host\","
                + "\"severity\":\"critical\",\"component\":\"api\",\"custom_details\":{\"error_rate\":\"7.3%\","
                + "\"runbook\":\"https://runbooks.example.com/api-errors\"}}}";
    }

    private static String resolve(String dedupKey) {
        return "{\"routing_key\":\"" + ROUTING_KEY + "\",\"event_action\":\"resolve\",\"dedup_key\":\"" + dedupKey + "\"}";
    }

    private static double percentile(long[] sorted, double fraction) {
        if (sorted.length == 0) return 0;
        int index = (int) Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    private static long countEvents(Tocsin tocsin) {
        return tocsin.database().jdbi().withHandle(handle ->
                handle.createQuery("SELECT COUNT(*) FROM events").mapTo(Long.class).one());
    }
}
