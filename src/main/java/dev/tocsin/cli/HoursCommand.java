package dev.tocsin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** {@code tocsin hours}: the on-call hours report (primary, backup, outside working hours) for a period. */
@Command(name = "hours", mixinStandardHelpOptions = true,
        description = {"On-call hours per person for a period: primary, backup, and how many fell outside working hours;",
                "pages (incidents the person was paged for), notifications sent, and pages outside working hours.",
                "Admins see everyone; others their own line."})
final class HoursCommand implements Runnable {
    @Mixin
    ServerOptions server;

    @Spec
    CommandSpec spec;

    @Option(names = "--from", required = true, description = "Start, an ISO 8601 instant (2027-03-01T00:00:00Z) or a date (UTC midnight).")
    String from;

    @Option(names = "--to", required = true, description = "End (exclusive), same forms as --from.")
    String to;

    @Option(names = "--user", description = "Only this person.")
    String user;

    @Option(names = "--csv", description = "Print CSV (for a spreadsheet) instead of a table.")
    boolean csv;

    @Override
    public void run() {
        String query = "/api/v1/reports/hours?from=" + encode(from) + "&to=" + encode(to)
                + (user == null ? "" : "&user=" + encode(user));
        PrintWriter out = spec.commandLine().getOut();
        if (csv) {
            out.print(server.client().getText(query + "&format=csv"));
            out.flush();
            return;
        }
        JsonNode report = server.client().get(query);
        out.printf("%-16s %9s %9s %9s %15s %6s %8s %15s%n", "USER", "PRIMARY", "BACKUP", "TOTAL", "OUTSIDE-WORK",
                "PAGES", "NOTIFIED", "PAGES-OUTSIDE");
        for (JsonNode person : report.path("people")) {
            JsonNode outside = person.path("outside_working_hours");
            JsonNode pagesOutside = person.path("pages_outside_working_hours");
            out.printf(java.util.Locale.ROOT, "%-16s %9.2f %9.2f %9.2f %15s %6d %8d %15s%n", person.path("user_id").asText(),
                    person.path("primary_hours").asDouble(), person.path("backup_hours").asDouble(),
                    person.path("total_hours").asDouble(),
                    outside.isNumber() ? String.format(java.util.Locale.ROOT, "%.2f", outside.asDouble()) : "-",
                    person.path("pages").asInt(), person.path("notifications").asInt(),
                    pagesOutside.isNumber() ? pagesOutside.asText() : "-");
        }
        out.flush();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
