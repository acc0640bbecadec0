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

/** {@code tocsin swap request|accept|decline|list}: trade a shift with a colleague; both must agree. */
@Command(name = "swap", mixinStandardHelpOptions = true,
        description = "Trade one of your shifts for a colleague's; your request is your agreement, their accept completes it.",
        subcommands = {SwapCommand.Request.class, SwapCommand.Accept.class, SwapCommand.Decline.class, SwapCommand.List.class})
final class SwapCommand {
    static String describe(JsonNode swap) {
        return swap.path("id").asText() + "\t" + swap.path("status").asText() + "\t" + swap.path("requester").asText()
                + " " + swap.path("schedule_id").asText() + " " + swap.path("start").asText() + ".." + swap.path("end").asText()
                + " <-> " + swap.path("other_user").asText() + " " + swap.path("other_schedule_id").asText() + " "
                + swap.path("other_start").asText() + ".." + swap.path("other_end").asText();
    }

    static void print(CommandSpec spec, JsonNode swap) {
        PrintWriter out = spec.commandLine().getOut();
        out.println(describe(swap));
        out.flush();
    }

    @Command(name = "request", mixinStandardHelpOptions = true,
            description = {"Offer your shift in --schedule containing --start for --with's shift containing --their-start",
                    "(in --their-schedule, default the same). Times are instants or local date-times in the schedule's zone."})
    static final class Request implements Runnable {
        @Mixin
        ServerOptions server;
        @Spec
        CommandSpec spec;
        @Option(names = "--schedule", required = true, paramLabel = "S")
        String schedule;
        @Option(names = "--start", required = true, paramLabel = "T", description = "An instant in your shift (its start).")
        String start;
        @Option(names = "--with", required = true, paramLabel = "U")
        String with;
        @Option(names = "--their-schedule", paramLabel = "S2")
        String theirSchedule;
        @Option(names = "--their-start", required = true, paramLabel = "T2")
        String theirStart;
        @Option(names = "--reason")
        String reason;

        @Override
        public void run() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("schedule", schedule);
            body.put("start", start);
            body.put("with", with);
            if (theirSchedule != null) body.put("their_schedule", theirSchedule);
            body.put("their_start", theirStart);
            if (reason != null) body.put("reason", reason);
            print(spec, server.client().post("/api/v1/swaps", body).path("swap"));
        }
    }

    @Command(name = "accept", mixinStandardHelpOptions = true, description = "Agree to swap ID: the shifts are traded.")
    static final class Accept extends AnswerCommand {
        Accept() {
            super("/api/v1/swaps", "accept", "swap", SwapCommand::describe);
        }
    }

    @Command(name = "decline", mixinStandardHelpOptions = true, description = "Say no to swap ID.")
    static final class Decline extends AnswerCommand {
        Decline() {
            super("/api/v1/swaps", "decline", "swap", SwapCommand::describe);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Swaps, newest first.")
    static final class List implements Runnable {
        @Mixin
        ServerOptions server;
        @Spec
        CommandSpec spec;
        @Option(names = "--status", description = "open, accepted, declined or expired")
        String status;

        @Override
        public void run() {
            for (JsonNode swap : server.client().get("/api/v1/swaps" + Paths.query("status", status)).path("swaps")) {
                spec.commandLine().getOut().println(describe(swap));
            }
            spec.commandLine().getOut().flush();
        }
    }
}
