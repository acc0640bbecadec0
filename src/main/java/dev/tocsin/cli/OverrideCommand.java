package dev.tocsin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code tocsin override add|rm}: put someone on call for a while, or take that back. */
@Command(name = "override", mixinStandardHelpOptions = true,
        description = "Add or remove an override (times are instants or local date-times in the schedule's zone).",
        subcommands = {OverrideCommand.Add.class, OverrideCommand.Remove.class})
final class OverrideCommand {
    /** One line describing an override, starting with its id. */
    static String describe(JsonNode override) {
        String replacing = override.path("replacing").asText("");
        return override.path("id").asText() + "\t" + override.path("user_id").asText() + " on call in "
                + override.path("schedule_id").asText() + (replacing.isEmpty() ? "" : " instead of " + replacing)
                + " from " + override.path("start").asText() + " to " + override.path("end").asText();
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "USER is on call in S from --from to --to.")
    static final class Add implements Runnable {
        @Mixin
        ServerOptions server;
        @Spec
        CommandSpec spec;
        @Option(names = "--schedule", required = true, paramLabel = "S")
        String schedule;
        @Option(names = "--user", required = true, paramLabel = "U")
        String user;
        @Option(names = "--from", required = true, paramLabel = "T")
        String from;
        @Option(names = "--to", required = true, paramLabel = "T")
        String to;
        @Option(names = "--replacing", paramLabel = "U2", description = "Replace only this user (default: everyone).")
        String replacing;
        @Option(names = "--reason")
        String reason;

        @Override
        public void run() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("user", user);
            body.put("start", from);
            body.put("end", to);
            if (replacing != null) body.put("replacing", replacing);
            if (reason != null) body.put("reason", reason);
            JsonNode answer = server.client().post("/api/v1/schedules/" + Paths.encode(schedule) + "/overrides", body);
            PrintWriter out = spec.commandLine().getOut();
            out.println(describe(answer.path("override")));
            out.flush();
            for (JsonNode warning : answer.path("warnings")) spec.commandLine().getErr().println("warning: " + warning.asText());
            spec.commandLine().getErr().flush();
        }
    }

    @Command(name = "rm", aliases = "remove", mixinStandardHelpOptions = true, description = "Remove override ID.")
    static final class Remove implements Runnable {
        @Mixin
        ServerOptions server;
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "ID")
        String id;

        @Override
        public void run() {
            JsonNode answer = server.client().delete("/api/v1/overrides/" + Paths.encode(id));
            PrintWriter out = spec.commandLine().getOut();
            out.println("removed " + describe(answer.path("override")));
            out.flush();
        }
    }
}
