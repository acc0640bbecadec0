package dev.tocsin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code tocsin maint SERVICE --for 30m | --from T --to T [--reason R]}, {@code maint ls}, {@code maint end ID}. */
@Command(name = "maint", mixinStandardHelpOptions = true,
        description = "Start a maintenance window: the service (or team, with --team) pages nobody until it ends.",
        subcommands = {MaintCommand.List.class, MaintCommand.End.class})
final class MaintCommand implements Runnable {
    @Mixin
    ServerOptions server;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SERVICE", description = "The service (or team, with --team) to silence.")
    String target;

    @Option(names = "--team", description = "SERVICE names a team: silence all its services.")
    boolean team;

    @Option(names = "--for", paramLabel = "DURATION", description = "From now (or --from) for this long, e.g. 30m.")
    String duration;

    @Option(names = "--from", paramLabel = "T", description = "Start (an instant, e.g. 2027-03-29T22:00:00Z); default now.")
    String from;

    @Option(names = "--to", paramLabel = "T", description = "End (an instant).")
    String to;

    @Option(names = "--reason", paramLabel = "R")
    String reason;

    @Override
    public void run() {
        if (target == null) {
            throw new CliException("name the SERVICE to silence (tocsin maint SERVICE --for 30m), or list windows with "
                    + "'tocsin maint ls', or end one with 'tocsin maint end ID'", 2);
        }
        Map<String, String> body = new LinkedHashMap<>();
        body.put(team ? "team" : "service", target);
        if (from != null) body.put("from", from);
        if (to != null) body.put("to", to);
        if (duration != null) body.put("for", duration);
        if (reason != null) body.put("reason", reason);
        print(server.client().post("/api/v1/maintenance", body));
    }

    static void print(JsonNode window) {
        String scope = window.path("service").isNull() ? "team " + window.path("team").asText()
                : window.path("service").asText();
        System.out.println(window.path("id").asText() + "\t" + scope + "\t" + window.path("from").asText() + "\t"
                + window.path("to").asText() + "\t" + window.path("state").asText()
                + (window.path("reason").isNull() ? "" : "\t" + window.path("reason").asText()));
    }

    @Command(name = "ls", mixinStandardHelpOptions = true, description = "Current and upcoming maintenance windows.")
    static final class List implements Runnable {
        @Mixin
        ServerOptions server;

        @Override
        public void run() {
            for (JsonNode window : server.client().get("/api/v1/maintenance").path("windows")) print(window);
        }
    }

    @Command(name = "end", mixinStandardHelpOptions = true, description = "End maintenance window ID now.")
    static final class End implements Runnable {
        @Mixin
        ServerOptions server;

        @Parameters(index = "0", paramLabel = "ID")
        long id;

        @Override
        public void run() {
            print(server.client().post("/api/v1/maintenance/" + id + "/end", null));
        }
    }
}
