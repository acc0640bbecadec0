package dev.tocsin.cli;

import dev.tocsin.bench.IngestBenchmark;
import dev.tocsin.bench.MemoryBenchmark;
import dev.tocsin.bench.PagingBenchmark;
import dev.tocsin.bench.OnCallBenchmark;
import dev.tocsin.bench.TimerBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.time.Duration;

/** {@code tocsin bench …}: benchmarks that start a real server (figures go to docs/benchmarks.md). */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Run a benchmark against an in-process server.",
        subcommands = {BenchCommand.Ingest.class, BenchCommand.WhoIsOnCall.class, BenchCommand.TimerLateness.class, BenchCommand.WebPages.class,
                BenchCommand.PagingLatency.class, BenchCommand.Memory.class})
final class BenchCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** A benchmark body; anything it throws becomes a one-line CLI error. */
    private interface Body {
        void run() throws Exception;
    }

    private static void runReporting(Body body) {
        try {
            body.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted", 130);
        } catch (CliException e) {
            throw e;
        } catch (Exception e) {
            throw new CliException("benchmark failed: " + e, 1);
        }
    }

    /** The given URL, or a fresh SQLite file in a temporary directory. */
    private static String databaseOrScratch(String databaseUrl) throws java.io.IOException {
        return databaseUrl != null ? databaseUrl
                : "jdbc:sqlite:" + Files.createTempDirectory("tocsin-bench").resolve("bench.db");
    }

    @Command(name = "ingest", mixinStandardHelpOptions = true,
            description = "Drive POST /v2/enqueue with concurrent connections (70%% repeats, 20%% new, 10%% resolves).")
    static final class Ingest implements Runnable {
        @Option(names = "--database-url", description = "JDBC URL to benchmark (default: a fresh SQLite file in a temp directory).")
        String databaseUrl;

        @Option(names = "--connections", defaultValue = "32", description = "Concurrent connections (default ${DEFAULT-VALUE}).")
        int connections;

        @Option(names = "--duration", defaultValue = "30", description = "Measured seconds (default ${DEFAULT-VALUE}).")
        int seconds;

        @Option(names = "--warmup", defaultValue = "10", description = "Warm-up seconds, not measured (default ${DEFAULT-VALUE}).")
        int warmupSeconds;

        @Option(names = "--open-keys", defaultValue = "1000", description = "Alerts opened before the run (default ${DEFAULT-VALUE}).")
        int openKeys;

        @Override
        public void run() {
            runReporting(() -> {
                IngestBenchmark.Result result = new IngestBenchmark(new IngestBenchmark.Options(
                        databaseOrScratch(databaseUrl), connections, Duration.ofSeconds(warmupSeconds),
                        Duration.ofSeconds(seconds), openKeys)).run();
                System.out.println(result.report());
                if (result.durableEvents() != result.accepted()) {
                    throw new CliException("accepted " + result.accepted() + " events but " + result.durableEvents()
                            + " are in the database", 1);
                }
            });
        }
    }

    @Command(name = "oncall", mixinStandardHelpOptions = true,
            description = "Who-is-on-call for 5 layers x 20 people with restrictions and 1,000 overrides: "
                    + "latency of one lookup and the time for one year of shifts (no server needed).")
    static final class WhoIsOnCall implements Runnable {
        @Option(names = "--lookups", defaultValue = "200000", description = "Measured lookups, after as many for warm-up (default ${DEFAULT-VALUE}).")
        int lookups;

        @Option(names = "--years", defaultValue = "30", description = "Measured one-year shift computations, after as many for warm-up (default ${DEFAULT-VALUE}).")
        int years;

        @Override
        public void run() {
            System.out.println(new OnCallBenchmark().run(lookups, years).report());
        }
    }

    @Command(name = "timers", mixinStandardHelpOptions = true,
            description = "Timer lateness: fire timers that come due evenly over a few seconds while many others "
                    + "are pending (use a scratch database: the backlog stays in it).")
    static final class TimerLateness implements Runnable {
        @Option(names = "--database-url", description = "JDBC URL to benchmark (default: a fresh SQLite file in a temp directory).")
        String databaseUrl;

        @Option(names = "--pending", defaultValue = "100000", description = "Timers pending during the run (default ${DEFAULT-VALUE}).")
        int pending;

        @Option(names = "--timers", defaultValue = "2000", description = "Measured timers (default ${DEFAULT-VALUE}).")
        int measured;

        @Option(names = "--spread", defaultValue = "10", description = "Seconds over which the measured timers come due (default ${DEFAULT-VALUE}).")
        int spreadSeconds;

        @Override
        public void run() {
            runReporting(() -> {
                TimerBenchmark.Result result = new TimerBenchmark(new TimerBenchmark.Options(
                        databaseOrScratch(databaseUrl), pending, measured, Duration.ofSeconds(spreadSeconds))).run();
                System.out.println(result.report());
                if (result.fired() != measured) {
                    throw new CliException("only " + result.fired() + " of " + measured + " timers fired", 1);
                }
            });
        }
    }

    @Command(name = "paging", mixinStandardHelpOptions = true,
            description = "Alert accepted -> first provider request: new incidents at a fixed rate, paged at once "
                    + "(rule after: 0m) through a local fake provider.")
    static final class PagingLatency implements Runnable {
        @Option(names = "--database-url", description = "JDBC URL to benchmark (default: a fresh SQLite file in a temp directory).")
        String databaseUrl;

        @Option(names = "--rate", defaultValue = "100", description = "Trigger events (new incidents) per second, open loop (default ${DEFAULT-VALUE}).")
        int rate;

        @Option(names = "--seconds", defaultValue = "30", description = "Measured seconds (default ${DEFAULT-VALUE}).")
        int seconds;

        @Option(names = "--warmup", defaultValue = "10", description = "Warm-up seconds at the same rate, not measured (default ${DEFAULT-VALUE}).")
        int warmupSeconds;

        @Option(names = "--channel", defaultValue = "sms", description = "sms (SMS gateway; one person per incident in turn) or webhook "
                + "(one person, no throttle: pages bundle) (default ${DEFAULT-VALUE}).")
        String channel;

        @Option(names = "--users", defaultValue = "0", description = "People paged in turn with --channel sms (default: one per event of the run).")
        int users;

        @Override
        public void run() {
            runReporting(() -> {
                if (rate < 1 || seconds < 1 || warmupSeconds < 0) throw new CliException("--rate and --seconds must be positive", 2);
                var kind = switch (channel) {
                    case "webhook" -> dev.tocsin.bench.BenchOrganisation.Channel.WEBHOOK;
                    case "sms" -> dev.tocsin.bench.BenchOrganisation.Channel.SMS;
                    default -> throw new CliException("--channel must be webhook or sms", 2);
                };
                int people = users > 0 ? users : rate * (seconds + warmupSeconds);
                PagingBenchmark.Result result = new PagingBenchmark(new PagingBenchmark.Options(databaseOrScratch(databaseUrl),
                        rate, Duration.ofSeconds(warmupSeconds), Duration.ofSeconds(seconds), kind, people)).run();
                System.out.println(result.report());
            });
        }
    }

    @Command(name = "memory", mixinStandardHelpOptions = true,
            description = "Heap after GC with many open incidents (run with -Xmx512m: TOCSIN_JAVA_OPTS=-Xmx512m).")
    static final class Memory implements Runnable {
        @Option(names = "--database-url", description = "JDBC URL to benchmark (default: a fresh SQLite file in a temp directory).")
        String databaseUrl;

        @Option(names = "--incidents", defaultValue = "100000", description = "Incidents to open (default ${DEFAULT-VALUE}).")
        int incidents;

        @Override
        public void run() {
            runReporting(() -> {
                MemoryBenchmark.Result result = new MemoryBenchmark(databaseOrScratch(databaseUrl), incidents).run();
                System.out.println(result.report());
                if (result.open() < incidents) {
                    throw new CliException("only " + result.open() + " of " + incidents + " incidents are open", 1);
                }
            });
        }
    }

    @Command(name = "web", mixinStandardHelpOptions = true,
            description = "Time the incident list and incident pages of the web UI with many incidents stored.")
    static final class WebPages implements Runnable {
        @Option(names = "--database-url", description = "JDBC URL to benchmark (default: a fresh SQLite file in a temp directory).")
        String databaseUrl;

        @Option(names = "--incidents", defaultValue = "100000", description = "Incidents to open first (default ${DEFAULT-VALUE}).")
        int incidents;

        @Option(names = "--requests", defaultValue = "300", description = "Timed requests per page (default ${DEFAULT-VALUE}).")
        int requests;

        @Override
        public void run() {
            runReporting(() -> System.out.println(new dev.tocsin.bench.WebPagesBenchmark(databaseOrScratch(databaseUrl),
                    incidents, requests).run().report()));
        }
    }
}
