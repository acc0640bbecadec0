package dev.tocsin.cli;

import dev.tocsin.auth.Role;
import dev.tocsin.simulate.Simulation;
import dev.tocsin.testing.TestDatabases;
import dev.tocsin.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code tocsin simulate} against a real server with the example organisation: "what happens if the alert
 * fires at 03:00 on Christmas Eve?" That week bob is the primary and alice the backup.
 */
class SimulateCommandTest {
    private static TestServer server;
    private static String observer;

    private record Run(int exit, String out, String err) {
    }

    @BeforeAll
    static void start() {
        server = TestServer.start(TestDatabases.Kind.SQLITE, TestServer.resource("config/example.yaml"));
        observer = server.tocsin().tokens().create("carol", Role.OBSERVER, "test").secret();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Run tocsin(String... args) {
        return tocsin(server, observer, args);
    }

    private static Run tocsin(TestServer server, String token, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = TocsinCommand.commandLine();
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                java.util.stream.Stream.of("--server", server.baseUrl(), "--token", token)).toArray(String[]::new);
        int exit = commandLine.setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(all);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void christmasEveAtThreeInTheMorningAcknowledgedAfterTwentyMinutes() {
        Run run = tocsin("simulate", "--service", "customer-api", "--at", "2026-12-24T03:00", "--ack-after", "20m");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out().lines()).containsExactly(
                "# customer-api (policy platform, high urgency) from Thu 24 Dec 2026 03:00 CET (2026-12-24T02:00:00Z), acknowledged after 20m",
                "# cannot know: " + Simulation.CANNOT_KNOW.get(0),
                "# cannot know: " + Simulation.CANNOT_KNOW.get(1),
                "# cannot know: " + Simulation.CANNOT_KNOW.get(2),
                "# cannot know: " + Simulation.CANNOT_KNOW.get(3),
                "# cannot know: " + Simulation.CANNOT_KNOW.get(4),
                "+0m\t-\tlevel 1, round 1 pages bob (on call in schedule:platform-primary)",
                "+0m\tbob\tsms bob-sms\tlevel 1",
                "+15m\t-\tnot acknowledged within 15m at level 1: escalating",
                "+15m\t-\tlevel 2, round 1 pages alice (on call in schedule:platform-backup)",
                "+16m\talice\tntfy alice-push\tlevel 2",
                "+17m\talice\tsms alice-sms\tlevel 2",
                "+17m\talice\tvoice alice-voice\tlevel 2",
                "+20m\t-\tacknowledged by the simulation at 2026-12-24T02:20:00Z: escalation and notifications stop");
    }

    @Test
    void withoutAnAcknowledgementItRunsUntilThePolicyIsExhausted() {
        Run run = tocsin("simulate", "--service", "customer-api", "--at", "2026-12-24T02:00:00Z");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out().lines()).contains("+2h\tcarol\temail carol-mail\tlevel 3, round 3",
                "+1h57m\talice\tvoice alice-voice\tlevel 2, round 3");
        assertThat(run.out().lines().reduce((first, second) -> second).orElseThrow())
                .isEqualTo("+2h15m\t-\tpolicy platform exhausted after 3 round(s); still paged until someone acknowledges: carol");
    }

    @Test
    void badInputIsExplained() {
        assertThat(tocsin("simulate", "--service", "nope").err()).contains("404");
        Run badDuration = tocsin("simulate", "--service", "customer-api", "--ack-after", "soon");
        assertThat(badDuration.exit()).isEqualTo(1);
        assertThat(badDuration.err()).contains("ack_after: malformed duration 'soon'");
    }

    @Test
    void aRoundRobinLevelShowsTheStoredTurnItStartsFrom() {
        String yaml = """
                users:
                  - { id: ann, name: Ann, contact_methods: [ { id: ann-sms, type: sms, to: "+41790000011" } ] }
                  - { id: ben, name: Ben, contact_methods: [ { id: ben-sms, type: sms, to: "+41790000012" } ] }
                escalation_policies:
                  - id: turns
                    levels:
                      - { notify: [ "user:ann", "user:ben" ], assign: round_robin }
                services:
                  - { id: checkout, name: Checkout, escalation_policy: turns }
                """;
        try (TestServer turns = TestServer.start(TestDatabases.Kind.SQLITE, yaml)) {
            String token = turns.tocsin().tokens().create("ann", Role.OBSERVER, "test").secret();
            Run run = tocsin(turns, token, "simulate", "--service", "checkout", "--at", "2026-12-24T02:00:00Z",
                    "--ack-after", "5m");
            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(run.out().lines()).contains("# round robin level 1: turn 1 of 2 (ann) at +0m, no turn stored yet",
                    "+0m\tann\tsms ann-sms\tlevel 1");
        }
    }
}
