package dev.tocsin.bench;

import dev.tocsin.app.Settings;
import dev.tocsin.app.Tocsin;
import dev.tocsin.auth.Role;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.StringRequestContent;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Heap of a server holding many open incidents: opens {@code incidents} incidents through the Events API v2
 * (64 requests in flight), each paged through its policy (the person's rule waits 10 minutes, so each holds its
 * escalation state and pending timers without the benchmark turning into a delivery run), then collects garbage
 * and reads the used heap. Afterwards the server must still answer: list open incidents, acknowledge one.
 */
public final class MemoryBenchmark {
    private static final int IN_FLIGHT = 64;

    /** What was measured; heap figures in MB. */
    public record Result(String database, int requested, long open, long failed, double openingSeconds, double baselineMb,
                         double usedAfterGcMb, double maxHeapMb, double listMillis, int listStatus, double ackMillis,
                         int ackStatus) {
        public String report() {
            return String.format("database=%s incidents=%d open=%d failed=%d opened in %.1f s%n"
                            + "  heap used after GC: %.1f MB with %d open incidents (%.1f MB before opening), max heap %.0f MB%n"
                            + "  then: GET /api/v1/incidents?status=open -> %d in %.1f ms; POST …/acknowledge -> %d in %.1f ms",
                    database, requested, open, failed, openingSeconds, usedAfterGcMb, open, baselineMb, maxHeapMb,
                    listStatus, listMillis, ackStatus, ackMillis);
        }
    }

    private final String databaseUrl;
    private final int incidents;

    public MemoryBenchmark(String databaseUrl, int incidents) {
        this.databaseUrl = databaseUrl;
        this.incidents = incidents;
    }

    public Result run() throws Exception {
        String run = Long.toString(System.currentTimeMillis(), 36);
        Path config = Files.createTempFile("tocsin-bench-memory", ".yaml");
        try (FakeProvider provider = new FakeProvider()) {
            Files.writeString(config, BenchOrganisation.yaml(BenchOrganisation.Channel.WEBHOOK, 1, provider.url("/page"), "10m"));
            try (Tocsin tocsin = Tocsin.start(new Settings("127.0.0.1", 0, databaseUrl, null, config, false), Clock.systemUTC())) {
                String base = "http://127.0.0.1:" + tocsin.port();
                double baseline = usedAfterGc();
                long started = System.nanoTime();
                long failed = open(URI.create(base + "/v2/enqueue"), run);
                double openingSeconds = (System.nanoTime() - started) / 1e9;
                long open = tocsin.database().jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT COUNT(*) FROM incidents WHERE status <> 'resolved'").mapTo(Long.class).one());
                double used = usedAfterGc();
                double max = Runtime.getRuntime().maxMemory() / 1048576.0;
                String token = tocsin.tokens().create("bench0", Role.ADMIN, "bench").secret();
                java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
                long listStart = System.nanoTime();
                HttpResponse<String> list = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/incidents?status=open&limit=100"))
                        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
                double listMillis = (System.nanoTime() - listStart) / 1e6;
                String firstId = dev.tocsin.json.Json.mapper().readTree(list.body()).path("incidents").path(0).path("id").asText();
                long ackStart = System.nanoTime();
                HttpResponse<String> ack = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/incidents/" + firstId + "/acknowledge"))
                        .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                        HttpResponse.BodyHandlers.ofString());
                double ackMillis = (System.nanoTime() - ackStart) / 1e6;
                return new Result(tocsin.database().dialect().name().toLowerCase(), incidents, open, failed, openingSeconds,
                        baseline, used, max, listMillis, list.statusCode(), ackMillis, ack.statusCode());
            }
        } finally {
            Files.deleteIfExists(config);
        }
    }

    /** Opens the incidents with a bounded number of requests in flight; returns how many were not accepted. */
    long open(URI enqueue, String run) throws Exception {
        HttpClient client = new HttpClient();
        client.setMaxConnectionsPerDestination(IN_FLIGHT + 4);
        client.start();
        try {
            Semaphore slots = new Semaphore(IN_FLIGHT);
            AtomicLong failed = new AtomicLong();
            for (int i = 0; i < incidents; i++) {
                slots.acquire();
                client.POST(enqueue)
                        .body(new StringRequestContent("application/json", BenchOrganisation.trigger(PageKeys.key(run, i)),
                                StandardCharsets.UTF_8))
                        .timeout(60, TimeUnit.SECONDS)
                        .send(result -> {
                            if (!result.isSucceeded() || result.getResponse().getStatus() != 202) failed.incrementAndGet();
                            slots.release();
                        });
                if (i > 0 && i % 20_000 == 0) System.err.printf("opened %d incidents%n", i);
            }
            slots.acquire(IN_FLIGHT);
            return failed.get();
        } finally {
            client.stop();
        }
    }

    /** Used heap in MB after full collections (several, so objects with finalizers or soft references settle). */
    static double usedAfterGc() throws InterruptedException {
        var memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            memory.gc();
            Thread.sleep(200);
        }
        return memory.getHeapMemoryUsage().getUsed() / 1048576.0;
    }
}
