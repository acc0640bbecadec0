package dev.tocsin.cli;

import dev.tocsin.auth.Role;
import dev.tocsin.notice.Notice;
import dev.tocsin.notice.NoticeOutbox;
import dev.tocsin.testing.SettableClock;
import dev.tocsin.testing.TestDatabases;
import dev.tocsin.testing.TestServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code tocsin who, shifts, override, take-pager, cover, swap, gaps} against a real server with the example
 * organisation plus an office-hours schedule (Mon-Fri 08:00-20:00 Zurich: gaps at night and at weekends).
 */
class OnCallCommandsTest {
    private static final Instant WEDNESDAY = Instant.parse("2027-03-24T10:00:00Z");

    private record Run(int exit, String out, String err) {
    }

    private static String organisation() {
        return TestServer.resource("config/example.yaml").replace("schedules:\n", """
                schedules:
                  - id: office-hours
                    name: Office hours
                    timezone: Europe/Zurich
                    layers:
                      - name: days
                        rotation: { every: 1w, handoff: "Mon 09:00", starts: 2026-11-02 }
                        users: [carol]
                        only: "Mon-Fri 08:00-20:00"
                """);
    }

    private static Run tocsin(TestServer server, String token, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = TocsinCommand.commandLine();
        commandLine.setExecutionExceptionHandler(new CliErrors());
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--server";
        all[args.length + 1] = server.baseUrl();
        all[args.length + 2] = "--token";
        all[args.length + 3] = token;
        int exit = commandLine.setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(all);
        return new Run(exit, out.toString(), err.toString());
    }

    private static List<String> kinds(TestServer server, String user) {
        return server.tocsin().database().jdbi().withHandle(handle -> new NoticeOutbox().forUser(handle, user, 100))
                .stream().map(Notice::kind).toList();
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void whoShiftsAndGapsAnswerFromTheSchedule(TestDatabases.Kind kind) {
        try (TestServer server = TestServer.start(kind, organisation(), new SettableClock(WEDNESDAY))) {
            String observer = server.tocsin().tokens().create("carol", Role.OBSERVER, "test").secret();
            Run who = tocsin(server, observer, "who", "--schedule", "platform-primary");
            assertThat(who.exit()).as(who.err()).isZero();
            assertThat(who.out()).startsWith("alice\t").contains("until 2027-03-29T07:00:00Z");
            assertThat(tocsin(server, observer, "who", "--service", "customer-api", "--at", "2027-03-30T10:00:00Z").out())
                    .startsWith("bob\t");
            Run nobody = tocsin(server, observer, "who", "--schedule", "office-hours", "--at", "2027-03-27T12:00");
            assertThat(nobody.exit()).isZero();
            assertThat(nobody.out()).isEmpty();
            assertThat(tocsin(server, observer, "who").out().lines()).anyMatch(line -> line.startsWith("carol\tschedule office-hours"));

            Run shifts = tocsin(server, observer, "shifts", "--schedule", "platform-primary",
                    "--from", "2027-03-28T00:00", "--to", "2027-03-30T00:00");
            assertThat(shifts.out().lines()).containsExactly(
                    "2027-03-27T23:00:00Z\t2027-03-29T07:00:00Z\talice",
                    "2027-03-29T07:00:00Z\t2027-03-29T22:00:00Z\tbob");
            assertThat(tocsin(server, observer, "shifts", "--schedule", "office-hours", "--user", "carol",
                    "--from", "2027-03-26T00:00", "--to", "2027-03-27T00:00").out().lines())
                    .containsExactly("2027-03-26T07:00:00Z\t2027-03-26T19:00:00Z\tcarol");

            Run gaps = tocsin(server, observer, "gaps", "--days", "1");
            assertThat(gaps.out().lines()).containsExactly("office-hours\t2027-03-24T19:00:00Z\t2027-03-25T07:00:00Z");
            assertThat(tocsin(server, observer, "gaps").out().lines()).hasSize(10);

            Run unknown = tocsin(server, observer, "who", "--schedule", "nope");
            assertThat(unknown.exit()).isEqualTo(1);
            assertThat(unknown.err()).contains("schedule 'nope' does not exist");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void overridesTakingThePagerCoverAndSwapFromTheCommandLine(TestDatabases.Kind kind) {
        SettableClock clock = new SettableClock(Instant.parse("2027-03-20T10:00:00Z"));
        try (TestServer server = TestServer.start(kind, organisation(), clock)) {
            String alice = server.tocsin().tokens().create("alice", Role.RESPONDER, "test").secret();
            String bob = server.tocsin().tokens().create("bob", Role.RESPONDER, "test").secret();

            Run added = tocsin(server, alice, "override", "add", "--schedule", "platform-primary", "--user", "carol",
                    "--from", "2027-03-23T09:00", "--to", "2027-03-23T12:00", "--replacing", "alice");
            assertThat(added.exit()).as(added.err()).isZero();
            assertThat(added.out()).startsWith("ov_").contains("carol on call in platform-primary instead of alice");
            assertThat(added.err()).contains("warning: 'carol' is not in any layer");
            assertThat(tocsin(server, bob, "who", "--schedule", "platform-primary", "--at", "2027-03-23T10:00").out())
                    .startsWith("carol\t");
            String id = added.out().substring(0, added.out().indexOf('\t'));
            assertThat(tocsin(server, bob, "override", "rm", id).err()).contains("only an admin or a manager");
            assertThat(tocsin(server, alice, "override", "rm", id).out()).startsWith("removed " + id);

            // Saturday 20 March is in bob's week; alice takes the pager.
            Run taken = tocsin(server, alice, "take-pager", "--schedule", "platform-primary", "--for", "2h");
            assertThat(taken.exit()).as(taken.err()).isZero();
            assertThat(taken.out()).contains("alice has the pager for platform-primary until 2027-03-20T12:00:00Z");
            assertThat(kinds(server, "bob")).contains("pager_taken");
            Run both = tocsin(server, bob, "take-pager", "--schedule", "platform-primary", "--for", "2h", "--until", "2027-03-20T18:00");
            assertThat(both.exit()).isEqualTo(2);

            Run cover = tocsin(server, alice, "cover", "request", "--schedule", "platform-primary", "--user", "bob",
                    "--from", "2027-03-25T09:00", "--to", "2027-03-25T11:00", "--reason", "dentist");
            assertThat(cover.out()).startsWith("cr_").contains("open\talice asks bob to cover platform-primary");
            String request = cover.out().substring(0, cover.out().indexOf('\t'));
            assertThat(tocsin(server, bob, "cover", "accept", request).out()).contains("accepted", "(accepted by bob)");
            assertThat(tocsin(server, bob, "cover", "decline", request).err()).contains("409", "was already accepted by bob");
            assertThat(tocsin(server, bob, "cover", "list", "--status", "accepted").out()).startsWith(request);

            Run swap = tocsin(server, alice, "swap", "request", "--schedule", "platform-primary", "--start", "2027-04-05T09:00",
                    "--with", "bob", "--their-start", "2027-04-12T09:00");
            assertThat(swap.exit()).as(swap.err()).isZero();
            String swapId = swap.out().substring(0, swap.out().indexOf('\t'));
            assertThat(tocsin(server, bob, "swap", "accept", swapId).out()).startsWith(swapId + "\taccepted");
            assertThat(tocsin(server, bob, "who", "--schedule", "platform-primary", "--at", "2027-04-06T10:00").out())
                    .startsWith("bob\t");
            assertThat(kinds(server, "alice")).contains("swap_accepted", "cover_accepted", "override_added");
            assertThat(kinds(server, "bob")).contains("swap_requested", "swap_accepted", "cover_requested", "cover_accepted");
        }
    }
}
