package dev.tocsin.bench;

import dev.tocsin.app.Settings;
import dev.tocsin.app.Tocsin;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.StringRequestContent;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * Alert accepted → first provider request: a real in-process server pages through a local {@link FakeProvider}
 * while Events API v2 triggers arrive open-loop at a fixed rate, each with a new dedup key (a new incident).
 * Per incident it records when the trigger was sent, when its {@code 202} arrived and when the fake provider
 * received the first page naming it. Warm-up events run at the same rate first and are not measured.
 */
public final class PagingBenchmark {
    /** How long to wait after the last event for the pages still under way. */
    static final Duration GRACE = Duration.ofSeconds(30);

    /** What to run. */
    public record Options(String databaseUrl, int rate, Duration warmup, Duration duration, BenchOrganisation.Channel channel,
                          int users) {
    }

    /** What was measured; latencies in ms, from the 202 and from the send. */
    public record Result(String database, int rate, int sent, int accepted, int failed, java.util.Map<String, Integer> failures,
                         int neverPaged, long providerRequests,
                         long repeats, Latencies fromAccepted, Latencies fromSent, Latencies accept, double achievedRate) {
        public String report() {
            return String.format("database=%s rate=%d/s (achieved %.0f/s) sent=%d accepted=%d failed=%d %s never_paged=%d "
                            + "provider_requests=%d repeated_pages=%d%n  202 -> page: %s%n  send -> page: %s%n  send -> 202: %s",
                    database, rate, achievedRate, sent, accepted, failed, failures, neverPaged, providerRequests, repeats,
                    fromAccepted.report(), fromSent.report(), accept.report());
        }
    }

    private final Options options;

    public PagingBenchmark(Options options) {
        this.options = options;
    }

    public Result run() throws Exception {
        String run = Long.toString(System.currentTimeMillis(), 36);
        Path config = Files.createTempFile("tocsin-bench-paging", ".yaml");
        try (FakeProvider provider = new FakeProvider()) {
            Files.writeString(config, BenchOrganisation.yaml(options.channel(), options.users(), provider.url("/page"), "0m"));
            try (Tocsin tocsin = Tocsin.start(new Settings("127.0.0.1", 0, options.databaseUrl(), null, config, false),
                    Clock.systemUTC())) {
                URI enqueue = URI.create("http://127.0.0.1:" + tocsin.port() + "/v2/enqueue");
                HttpClient client = new HttpClient();
                client.setMaxConnectionsPerDestination(512);
                // Open loop: when the server falls behind, requests queue in the client rather than being refused there.
                client.setMaxRequestsQueuedPerDestination(1 << 20);
                client.start();
                try {
                    drive(client, enqueue, run + "w", (int) (options.rate() * options.warmup().toSeconds()));
                    int count = (int) (options.rate() * options.duration().toSeconds());
                    Driven driven = drive(client, enqueue, run, count);
                    awaitPages(provider, run, driven);
                    printWriterStats(tocsin);
                    return result(tocsin, provider, run, driven);
                } finally {
                    client.stop();
                }
            }
        } finally {
            Files.deleteIfExists(config);
        }
    }

    /** Send and 202 times per event (0 = no 202), and how long sending took. */
    private record Driven(int count, AtomicLongArray sent, AtomicLongArray accepted, long elapsedNanos,
                          java.util.Map<String, Integer> failures) {
    }

    /** Sends {@code count} triggers at the fixed rate, without waiting for answers (open loop). */
    private Driven drive(HttpClient client, URI enqueue, String run, int count) throws InterruptedException {
        AtomicLongArray sent = new AtomicLongArray(count);
        AtomicLongArray accepted = new AtomicLongArray(count);
        java.util.Map<String, Integer> failures = new java.util.concurrent.ConcurrentSkipListMap<>();
        java.util.concurrent.CountDownLatch answered = new java.util.concurrent.CountDownLatch(count);
        long period = TimeUnit.SECONDS.toNanos(1) / options.rate();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = start + i * period;
            long wait = due - System.nanoTime();
            if (wait > 0) LockSupport.parkNanos(wait);
            int index = i;
            sent.set(index, System.nanoTime());
            client.POST(enqueue)
                    .body(new StringRequestContent("application/json", BenchOrganisation.trigger(PageKeys.key(run, i)),
                            StandardCharsets.UTF_8))
                    .timeout(30, TimeUnit.SECONDS)
                    .send(result -> {
                        if (result.isSucceeded() && result.getResponse().getStatus() == 202) {
                            accepted.set(index, System.nanoTime());
                        } else {
                            String why = result.isSucceeded() ? "HTTP " + result.getResponse().getStatus()
                                    : result.getFailure().getClass().getSimpleName();
                            failures.merge(why, 1, Integer::sum);
                        }
                        answered.countDown();
                    });
        }
        long elapsed = System.nanoTime() - start;
        answered.await(60, TimeUnit.SECONDS);
        return new Driven(count, sent, accepted, elapsed, failures);
    }

    private static void awaitPages(FakeProvider provider, String run, Driven driven) throws InterruptedException {
        long deadline = System.nanoTime() + GRACE.toNanos();
        while (System.nanoTime() < deadline) {
            boolean all = true;
            for (int i = 0; i < driven.count() && all; i++) {
                if (driven.accepted().get(i) != 0 && provider.received(PageKeys.key(run, i)) == null) all = false;
            }
            if (all) return;
            Thread.sleep(100);
        }
    }

    private Result result(Tocsin tocsin, FakeProvider provider, String run, Driven driven) {
        int count = driven.count();
        long[] fromAccepted = new long[count];
        long[] fromSent = new long[count];
        long[] accept = new long[count];
        int paged = 0;
        int accepted = 0;
        int neverPaged = 0;
        for (int i = 0; i < count; i++) {
            long acceptedAt = driven.accepted().get(i);
            if (acceptedAt == 0) continue;
            accept[accepted++] = acceptedAt - driven.sent().get(i);
            Long received = provider.received(PageKeys.key(run, i));
            if (received == null) {
                neverPaged++;
                continue;
            }
            fromAccepted[paged] = received - acceptedAt;
            fromSent[paged] = received - driven.sent().get(i);
            paged++;
        }
        return new Result(tocsin.database().dialect().name().toLowerCase(), options.rate(), count, accepted, count - accepted,
                driven.failures(), neverPaged, provider.requests(), provider.repeats(),
                Latencies.of(java.util.Arrays.copyOf(fromAccepted, paged)), Latencies.of(java.util.Arrays.copyOf(fromSent, paged)),
                Latencies.of(java.util.Arrays.copyOf(accept, accepted)), count / (driven.elapsedNanos() / 1e9));
    }

    private static void printWriterStats(Tocsin tocsin) {
        var batches = tocsin.metrics().get("tocsin.db.commit.batch").summary();
        var commits = tocsin.metrics().get("tocsin.db.commit").timer();
        System.err.printf("writer (whole run, warm-up included): %d commits, mean group %.1f writes, mean commit %.2f ms, "
                        + "max %.2f ms%n", batches.count(), batches.mean(), commits.mean(TimeUnit.MILLISECONDS),
                commits.max(TimeUnit.MILLISECONDS));
    }
}
