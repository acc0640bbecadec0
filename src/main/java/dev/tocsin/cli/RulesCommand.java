package dev.tocsin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code tocsin rules test}: which event rules an event matches and what it would become (nothing is stored). */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "Event rules.",
        subcommands = RulesCommand.Test.class)
final class RulesCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "test", mixinStandardHelpOptions = true,
            description = "Test an event against the rules in force: which rules match and what the event would become.")
    static final class Test implements Runnable {
        @Mixin
        ServerOptions server;

        @Spec
        CommandSpec spec;

        @Option(names = "--file", required = true, description = "The event body as a sender sends it (JSON file, - for stdin).")
        String file;

        @Option(names = "--service", description = "The service whose rules apply (with --format).")
        String service;

        @Option(names = "--format", defaultValue = "events-v2",
                description = "events-v2, events-v1, alertmanager, grafana or generic (default ${DEFAULT-VALUE}; ignored with --key).")
        String format;

        @Option(names = "--key", description = "An integration key instead of --service/--format: its type and service apply.")
        String key;

        @Option(names = "--json", description = "Print the API's JSON.")
        boolean json;

        @Override
        public void run() {
            String body = read(file);
            StringBuilder query = new StringBuilder("/api/v1/rules/test?");
            if (key != null) {
                query.append("key=").append(encode(key));
            } else {
                if (service == null) throw new CliException("give --service SERVICE (with --format) or --key INTEGRATION_KEY", 2);
                query.append("service=").append(encode(service)).append("&format=").append(encode(format));
            }
            JsonNode answer = server.client().postText(query.toString(), "application/json", body);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(answer.toPrettyString());
                out.flush();
                return;
            }
            for (JsonNode event : answer.path("events")) print(out, event);
            out.flush();
        }

        static void print(PrintWriter out, JsonNode event) {
            out.println(event.path("action").asText() + " " + event.path("dedup_key").asText() + ": "
                    + event.path("summary").asText(""));
            if (event.path("matched").isEmpty()) {
                out.println("  matched: no rule");
            } else {
                for (JsonNode match : event.path("matched")) {
                    out.println("  matched: " + match.path("rule").asText() + " (" + match.path("scope").asText() + ")");
                }
            }
            String result = event.path("result").asText();
            out.println("  result: " + switch (result) {
                case "suppressed" -> "suppressed by " + event.path("suppressed_by").asText() + " (recorded, no incident, nobody paged)";
                case "dropped" -> "dropped by " + event.path("dropped_by").asText() + " (not stored, counted in metrics)";
                case "not_evaluated" -> "not evaluated: rules apply to triggers only";
                default -> "incident on " + event.path("service").asText()
                        + (event.has("routed_by") ? " (routed by " + event.path("routed_by").asText() + ")" : "");
            });
            if ("incident".equals(result)) {
                out.println("  urgency: " + event.path("urgency").asText() + " (" + event.path("urgency_by").asText() + ")");
                line(out, event, "priority");
                line(out, event, "group_key");
                line(out, event, "runbook");
                for (JsonNode note : event.path("notes")) {
                    out.println("  note: " + note.path("note").asText() + " (" + note.path("by").asText() + ")");
                }
            }
        }

        private static void line(PrintWriter out, JsonNode event, String field) {
            if (event.has(field)) {
                out.println("  " + field.replace('_', ' ') + ": " + event.path(field).asText() + " ("
                        + event.path(field + "_by").asText() + ")");
            }
        }

        private static String read(String file) {
            try {
                return "-".equals(file) ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
                        : Files.readString(Path.of(file));
            } catch (IOException e) {
                throw new CliException("cannot read " + file + ": " + e.getMessage(), 2);
            }
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
