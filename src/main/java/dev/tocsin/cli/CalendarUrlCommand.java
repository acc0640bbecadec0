package dev.tocsin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** {@code tocsin calendar-url}: the iCalendar feed URL of a person or a schedule, optionally with a new token. */
@Command(name = "calendar-url", mixinStandardHelpOptions = true,
        description = {"Print the iCalendar feed URL of a person or a schedule, to subscribe to in a calendar app.",
                "The URL contains a secret token, shown only when it is issued: the first time, or with --rotate."})
final class CalendarUrlCommand implements Runnable {
    @Mixin
    ServerOptions server;

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Subject subject;

    static final class Subject {
        @Option(names = "--user", description = "A person's feed: all their shifts in every schedule.")
        String user;

        @Option(names = "--schedule", description = "A schedule's feed: every shift with who, and the gaps.")
        String schedule;
    }

    @Option(names = "--rotate", description = "Issue a new token; the old URL stops working.")
    boolean rotate;

    @Override
    public void run() {
        String path = subject.user != null
                ? "/api/v1/users/" + encode(subject.user) + "/calendar"
                : "/api/v1/schedules/" + encode(subject.schedule) + "/calendar";
        JsonNode answer = rotate ? server.client().post(path + "/rotate", null) : server.client().get(path);
        spec.commandLine().getOut().println(answer.path("url").asText());
        spec.commandLine().getOut().flush();
        if (!answer.path("token_shown").asBoolean()) {
            spec.commandLine().getErr().println("The token was shown when it was issued and is not stored; "
                    + "run again with --rotate for a new URL (the old one stops working).");
            spec.commandLine().getErr().flush();
        }
    }

    private static String encode(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
