package dev.tocsin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tocsin.config.Placeholders;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code tocsin apply -f FILE}: sends a configuration file to a running server and prints the difference.
 * The {@code ${NAME}} values the file needs are taken from this command's own environment, so secrets travel
 * only to the server and never sit in the file.
 */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = "Apply a configuration file to a running server and print what changed, one line per object.")
final class ApplyCommand implements Callable<Integer> {
    @Option(names = {"-f", "--file"}, required = true, description = "The configuration YAML.")
    Path file;

    @Option(names = "--dry-run", description = "Validate and show the difference without changing anything.")
    boolean dryRun;

    @Option(names = "--prune", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Remove objects that are not in the file (default on; --no-prune keeps them).")
    boolean prune;

    @Mixin
    ServerOptions server;

    @Spec
    CommandSpec spec;

    /** Where ${NAME} values come from; tests put their own map here. */
    Map<String, String> environment = System.getenv();

    @Override
    public Integer call() {
        String yaml;
        try {
            yaml = Files.readString(file);
        } catch (IOException e) {
            throw new CliException("cannot read " + file + ": " + e.getMessage(), 2);
        }
        String source = file.getFileName().toString();
        Map<String, String> env = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (Placeholders.Reference reference : Placeholders.referenced(yaml)) {
            String value = environment.get(reference.name());
            if (value == null) {
                missing.add(source + ":" + reference.line() + ": environment variable '" + reference.name() + "' is not set");
            } else {
                env.put(reference.name(), value);
            }
        }
        PrintWriter err = spec.commandLine().getErr();
        if (!missing.isEmpty()) {
            missing.forEach(err::println);
            err.flush();
            return 1;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("yaml", yaml);
        body.put("source", source);
        body.put("env", env);
        JsonNode result = server.client().post("/api/v1/config/apply?dry_run=" + dryRun + "&prune=" + prune, body);
        PrintWriter out = spec.commandLine().getOut();
        for (JsonNode change : result.path("changes")) out.println(describe(change));
        out.println(result.path("summary").asText());
        out.flush();
        return 0;
    }

    static String describe(JsonNode change) {
        String kind = change.path("kind").asText();
        String id = change.path("id").asText();
        return switch (change.path("change").asText()) {
            case "created" -> "+ " + kind + " " + id + " (created)";
            case "removed" -> "- " + kind + " " + id + " (removed)";
            case "kept" -> "= " + kind + " " + id + " (kept (not in file))";
            default -> {
                List<String> fields = new ArrayList<>();
                change.path("fields").forEach(field -> fields.add(field.asText()));
                yield "~ " + kind + " " + id + " (changed: " + String.join(", ", fields) + ")";
            }
        };
    }
}
