package dev.tocsin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code tocsin cover request|accept|decline|list}: "can someone cover me?" */
@Command(name = "cover", mixinStandardHelpOptions = true,
        description = "Ask a colleague or the team to cover part of your on-call time, and answer such requests.",
        subcommands = {CoverCommand.Request.class, CoverCommand.Accept.class, CoverCommand.Decline.class, CoverCommand.List.class})
final class CoverCommand {
    static String describe(JsonNode request) {
        String asked = request.path("asked_user").asText("");
        return request.path("id").asText() + "\t" + request.path("status").asText() + "\t"
                + request.path("requester").asText() + " asks " + (asked.isEmpty() ? "the team" : asked) + " to cover "
                + request.path("schedule_id").asText() + " from " + request.path("start").asText() + " to "
                + request.path("end").asText()
                + (request.path("closed_by").isMissingNode() ? "" : " (" + request.path("status").asText() + " by "
                + request.path("closed_by").asText() + ")");
    }

    static void print(CommandSpec spec, JsonNode request) {
        PrintWriter out = spec.commandLine().getOut();
        out.println(describe(request));
        out.flush();
    }

    @Command(name = "request", mixinStandardHelpOptions = true,
            description = "Ask --user U (or, without it, the schedule's team) to be on call for you from --from to --to.")
    static final class Request implements Runnable {
        @Mixin
        ServerOptions server;
        @Spec
        CommandSpec spec;
        @Option(names = "--schedule", required = true, paramLabel = "S")
        String schedule;
        @Option(names = "--from", required = true, paramLabel = "T")
        String from;
        @Option(names = "--to", required = true, paramLabel = "T")
        String to;
        @Option(names = "--user", paramLabel = "U")
        String user;
        @Option(names = "--reason")
        String reason;

        @Override
        public void run() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("start", from);
            body.put("end", to);
            if (user != null) body.put("user", user);
            if (reason != null) body.put("reason", reason);
            print(spec, server.client().post("/api/v1/schedules/" + Paths.encode(schedule) + "/cover_requests", body)
                    .path("cover_request"));
        }
    }

    @Command(name = "accept", mixinStandardHelpOptions = true, description = "Cover for the requester: you go on call.")
    static final class Accept extends AnswerCommand {
        Accept() {
            super("/api/v1/cover_requests", "accept", "cover_request", CoverCommand::describe);
        }
    }

    @Command(name = "decline", mixinStandardHelpOptions = true, description = "Say no to cover request ID.")
    static final class Decline extends AnswerCommand {
        Decline() {
            super("/api/v1/cover_requests", "decline", "cover_request", CoverCommand::describe);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Cover requests, newest first.")
    static final class List implements Runnable {
        @Mixin
        ServerOptions server;
        @Spec
        CommandSpec spec;
        @Option(names = "--status", description = "open, accepted, declined or expired")
        String status;

        @Override
        public void run() {
            for (JsonNode request : server.client().get("/api/v1/cover_requests" + Paths.query("status", status))
                    .path("cover_requests")) {
                spec.commandLine().getOut().println(describe(request));
            }
            spec.commandLine().getOut().flush();
        }
    }
}
