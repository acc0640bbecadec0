package dev.tocsin.cli;

import dev.tocsin.config.ConfigException;
import dev.tocsin.migrate.Equivalence;
import dev.tocsin.migrate.JsonHttp;
import dev.tocsin.migrate.Migration;
import dev.tocsin.migrate.MigrationYaml;
import dev.tocsin.migrate.Progress;
import dev.tocsin.migrate.Report;
import dev.tocsin.migrate.Source;
import dev.tocsin.migrate.Sources;
import dev.tocsin.migrate.Verifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** {@code tocsin import SOURCE}: read another on-call system's API and write a Tocsin configuration and a report. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import users, teams, schedules, escalation policies and services from another on-call system.",
                "Writes a configuration for 'tocsin apply' and a report of every object and of what does not map exactly.",
                "Exit 1 on errors, 3 when --verify finds a schedule that differs; warnings alone exit 0."})
final class ImportCommand implements Runnable {
    static final int DIFFERENT = 3;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SOURCE", description = "opsgenie (PagerDuty and Grafana OnCall are to come)")
    String source;

    @Option(names = "--api-url", description = "The source's API (default https://api.opsgenie.com; EU: https://api.eu.opsgenie.com).")
    String apiUrl;

    @Option(names = "--token", required = true, description = "An API key with read (configuration) access.")
    String token;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the configuration here (default: stdout).")
    Path out;

    @Option(names = "--report", paramLabel = "FILE", description = "Write the migration report (Markdown) here.")
    Path report;

    @Option(names = "--verify", description = "Compare every imported schedule with the source's own timeline.")
    boolean verify;

    @Option(names = "--weeks", defaultValue = "4", description = "Weeks compared by --verify (default ${DEFAULT-VALUE}).")
    int weeks;

    @Option(names = "--at", paramLabel = "INSTANT", description = "Read overrides and compare from this instant (default: now).")
    Instant at;

    @Override
    public void run() {
        Instant now = at != null ? at : Instant.now();
        Source reader = source(source, apiUrl, token, now);
        Migration migration = read(reader);
        String yaml = MigrationYaml.write(reader.name(), migration.configuration());
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter summary = out == null ? spec.commandLine().getErr() : stdout;
        write(out, yaml, stdout);
        if (report != null) write(report, migration.report().markdown(migration.overrides()), null);
        printSummary(migration.report(), migration.overrides().size(), summary);
        int exit = migration.report().errors().isEmpty() ? 0 : 1;
        if (verify && exit == 0) {
            exit = printVerdicts(verifyOrFail(reader, migration, yaml, out == null ? "imported.yaml" : out.toString(), now, weeks),
                    summary);
        }
        summary.flush();
        if (exit != 0) throw new CliException(exit == DIFFERENT ? "the imported schedules differ from " + reader.name()
                : "the import had errors (see above)", exit);
    }

    static Source source(String name, String apiUrl, String token, Instant now) {
        try {
            return Sources.of(name, apiUrl, token, JsonHttp.Sleeper.REAL, now);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage(), 2);
        }
    }

    static Migration read(Source reader) {
        try {
            return reader.read(Progress.onTerminal(System.err));
        } catch (JsonHttp.Failure e) {
            throw new CliException(reader.name() + ": " + e.getMessage(), 1);
        }
    }

    static void printSummary(Report report, int overrides, PrintWriter out) {
        for (String error : report.errors()) out.println("error: " + error);
        for (Report.Unmapped item : report.unmapped()) {
            out.println("warning: " + item.kind() + " " + item.source() + ": " + item.feature() + " — " + item.reason()
                    + "; nearest: " + item.nearest());
        }
        out.println(report.summary() + " " + overrides + " overrides to apply (listed in the report).");
    }

    /** Prints each verdict; {@link #DIFFERENT} if any schedule differs, else 0. */
    static int printVerdicts(List<Equivalence.Verdict> verdicts, PrintWriter out) {
        boolean different = false;
        for (Equivalence.Verdict verdict : verdicts) {
            out.println(verdict.describe());
            different |= !verdict.identical();
        }
        return different ? DIFFERENT : 0;
    }

    private static void write(Path file, String text, PrintWriter fallback) {
        if (file == null) {
            fallback.print(text);
            fallback.flush();
            return;
        }
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliException("cannot write " + file + ": " + e.getMessage(), 1);
        }
    }

    static String readConfig(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliException("cannot read " + file + ": " + e.getMessage(), 2);
        }
    }

    static List<Equivalence.Verdict> verifyOrFail(Source reader, Migration migration, String yaml, String name, Instant now, int weeks) {
        try {
            return Verifier.verify(reader, migration, yaml, name, System.getenv(), now, weeks);
        } catch (ConfigException e) {
            throw new CliException(e.getMessage(), 1);
        }
    }
}
