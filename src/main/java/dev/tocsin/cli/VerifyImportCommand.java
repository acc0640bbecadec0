package dev.tocsin.cli;

import dev.tocsin.migrate.Migration;
import dev.tocsin.migrate.MigrationYaml;
import dev.tocsin.migrate.Source;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;

/** {@code tocsin verify-import}: who is on call per the source's own timelines against Tocsin, schedule by schedule. */
@Command(name = "verify-import", mixinStandardHelpOptions = true,
        description = {"Compare the source's on-call timelines with Tocsin's answer for the imported configuration.",
                "Prints 'identical' or the first differing intervals per schedule; exit 3 on any difference."})
final class VerifyImportCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "SOURCE", description = "opsgenie")
    String source;

    @Option(names = "--api-url", description = "The source's API (default https://api.opsgenie.com).")
    String apiUrl;

    @Option(names = "--token", required = true, description = "An API key with read (configuration) access.")
    String token;

    @Option(names = "--config", paramLabel = "FILE", description = "The configuration to check (default: import it afresh).")
    Path config;

    @Option(names = "--weeks", defaultValue = "4", description = "Weeks compared (default ${DEFAULT-VALUE}).")
    int weeks;

    @Option(names = "--at", paramLabel = "INSTANT", description = "Compare from this instant (default: now).")
    Instant at;

    @Override
    public void run() {
        Instant now = at != null ? at : Instant.now();
        Source reader = ImportCommand.source(source, apiUrl, token, now);
        Migration migration = ImportCommand.read(reader);
        String yaml = config == null ? MigrationYaml.write(reader.name(), migration.configuration()) : ImportCommand.readConfig(config);
        PrintWriter out = spec.commandLine().getOut();
        int exit = ImportCommand.printVerdicts(ImportCommand.verifyOrFail(reader, migration, yaml,
                config == null ? "imported.yaml" : config.toString(), now, weeks), out);
        out.flush();
        if (exit != 0) throw new CliException("the schedules differ from " + reader.name(), exit);
    }
}
