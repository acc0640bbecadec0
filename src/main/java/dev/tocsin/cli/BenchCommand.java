package dev.tocsin.cli;

import dev.tocsin.bench.IngestBenchmark;
import dev.tocsin.bench.OnCallBenchmark;
import dev.tocsin.bench.TimerBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.time.Duration;

/** {@code tocsin bench …}: benchmarks that start a real server (figures go to docs/benchmarks.md). */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Run a benchmark against an in-process server.",
        subcommands = {BenchCommand.Ingest.class, BenchCommand.WhoIsOnCall.class, BenchCommand.TimerLateness.class})
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
            description = "Drive POST /v2/enqueue with concurrent connections (70% repeats, 20% new, 10% resolves).")
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
}
