package dev.tocsin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.ArgGroup;
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
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code tocsin calendar-import}: an iCalendar file or URL into a schedule as a layer of fixed shifts. */
@Command(name = "calendar-import", mixinStandardHelpOptions = true,
        description = {"Import an iCalendar file or URL into a schedule as a layer of fixed shifts.",
                "For teams leaving Grafana OnCall or a shared Google calendar; people are found by attendee email,",
                "then organizer, then summary.",
                "Importing again replaces the layer (run it from cron to follow a calendar). Admin only."})
final class CalendarImportCommand implements Runnable {
    @Mixin
    ServerOptions server;

    @Spec
    CommandSpec spec;

    @Option(names = "--schedule", required = true, description = "The schedule to import into.")
    String schedule;

    @Option(names = "--layer", defaultValue = "imported", description = "Name of the layer of fixed shifts (default ${DEFAULT-VALUE}).")
    String layer;

    @Option(names = "--priority", description = "The layer's priority (default: its position; a new layer goes last and wins).")
    Integer priority;

    @Option(names = "--dry-run", description = "Show what would be imported; change nothing.")
    boolean dryRun;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--file", description = "A .ics file, read here and sent to the server.")
        Path file;

        @Option(names = "--url", description = "A calendar URL the server fetches (http, https or webcal).")
        String url;
    }

    @Override
    public void run() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("layer", layer);
        if (priority != null) body.put("priority", priority);
        if (dryRun) body.put("dry_run", true);
        if (source.url != null) {
            body.put("url", source.url);
        } else {
            try {
                body.put("ics", Files.readString(source.file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new CliException("cannot read " + source.file + ": " + e.getMessage(), 2);
            }
        }
        JsonNode outcome = server.client().post("/api/v1/schedules/"
                + URLEncoder.encode(schedule, StandardCharsets.UTF_8).replace("+", "%20") + "/import", body);
        PrintWriter out = spec.commandLine().getOut();
        for (JsonNode shift : outcome.path("shifts")) {
            out.println(shift.path("user_id").asText() + "  " + shift.path("start").asText() + " - " + shift.path("end").asText());
        }
        for (JsonNode skipped : outcome.path("skipped")) out.println("skipped: " + skipped.asText());
        out.println((outcome.path("applied").asBoolean() ? "Imported " : "Would import ") + outcome.path("shift_count").asInt()
                + " shifts into layer '" + layer + "' of schedule '" + schedule + "'"
                + (outcome.path("applied").asBoolean() ? " (revision " + outcome.path("revision").asLong() + ")." : "."));
        out.flush();
    }
}
