package dev.tocsin.bench;

import dev.tocsin.app.Settings;
import dev.tocsin.app.Tocsin;
import dev.tocsin.auth.Role;
import dev.tocsin.login.WebSessions;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Random;

/**
 * Server time of the web UI's busiest pages with many incidents in the database: opens {@code incidents} incidents
 * (as {@code bench memory} does), signs in a session, then times {@code GET /incidents} (the open list) and
 * {@code GET /incidents/{n}} (random incidents) one request at a time over loopback, after a warm-up.
 */
public final class WebPagesBenchmark {
    private static final int WARMUP = 100;

    public record Result(String database, long incidents, Latencies list, Latencies incident) {
        public String report() {
            return "database=" + database + " incidents=" + incidents + System.lineSeparator()
                    + "  GET /incidents: " + list.report() + System.lineSeparator()
                    + "  GET /incidents/{n}: " + incident.report();
        }
    }

    private final String databaseUrl;
    private final int incidents;
    private final int requests;

    public WebPagesBenchmark(String databaseUrl, int incidents, int requests) {
        this.databaseUrl = databaseUrl;
        this.incidents = incidents;
        this.requests = requests;
    }

    public Result run() throws Exception {
        Path config = Files.createTempFile("tocsin-bench-web", ".yaml");
        try (FakeProvider provider = new FakeProvider()) {
            Files.writeString(config, BenchOrganisation.yaml(BenchOrganisation.Channel.WEBHOOK, 1, provider.url("/page"), "10m"));
            try (Tocsin tocsin = Tocsin.start(new Settings("127.0.0.1", 0, databaseUrl, null, config, false), Clock.systemUTC())) {
                String base = "http://127.0.0.1:" + tocsin.port();
                long failed = new MemoryBenchmark(databaseUrl, incidents).open(URI.create(base + "/v2/enqueue"),
                        Long.toString(System.currentTimeMillis(), 36));
                long stored = tocsin.database().jdbi().withHandle(handle -> handle.createQuery("SELECT MAX(id) FROM incidents")
                        .mapTo(Long.class).one());
                if (failed > 0) System.err.println(failed + " incidents were not accepted");
                String cookie = "tocsin_session=" + new WebSessions(tocsin.database(), Clock.systemUTC()).open("bench0", Role.ADMIN).secret();
                HttpClient http = HttpClient.newHttpClient();
                Random random = new Random(42);
                long[] list = new long[requests];
                long[] incident = new long[requests];
                for (int i = 0; i < WARMUP + requests; i++) {
                    long listed = time(http, base + "/incidents", cookie);
                    long shown = time(http, base + "/incidents/" + (1 + random.nextInt((int) stored)), cookie);
                    if (i >= WARMUP) {
                        list[i - WARMUP] = listed;
                        incident[i - WARMUP] = shown;
                    }
                }
                return new Result(tocsin.database().dialect().name().toLowerCase(), stored, Latencies.of(list), Latencies.of(incident));
            }
        } finally {
            Files.deleteIfExists(config);
        }
    }

    private static long time(HttpClient http, String url, String cookie) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookie)
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        long took = System.nanoTime() - start;
        if (response.statusCode() != 200) throw new IllegalStateException(url + " answered " + response.statusCode());
        return took;
    }
}
