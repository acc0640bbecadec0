package dev.tocsin.handoff;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tocsin.testing.SettableClock;
import dev.tocsin.testing.TestDatabases;
import dev.tocsin.testing.TestServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo organisation on a real server: at Monday's 09:00 handover alice takes primary from bob and hands
 * backup to him; both are told on their console contact method (the demo has no mail server), and the API
 * lists it.
 */
class DemoHandoffTest {
    private static final Instant HANDOVER = Instant.parse("2026-11-30T08:00:00Z");   // Mon 09:00 in Zurich

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void demoHandoverIsToldOnTheConsoleAndListedByTheApi(TestDatabases.Kind kind) {
        SettableClock clock = new SettableClock(HANDOVER.minus(Duration.ofMinutes(1)));
        try (TestServer server = TestServer.start(kind, TestServer.resource("demo/organisation.yaml"), clock)) {
            server.tocsin().handoffs().runOnce();
            clock.set(HANDOVER);
            server.tocsin().timers().runDue(HANDOVER);

            List<String> alice = describe(server, "alice");
            assertThat(alice).contains(
                    "shift_starts sent console You are on call now (Platform primary, Platform Engineering)",
                    "shift_ends sent console Your on-call shift has ended (Platform backup, Platform Engineering)");
            List<String> bob = describe(server, "bob");
            assertThat(bob).contains(
                    "shift_starts sent console You are on call now (Platform backup, Platform Engineering)",
                    "shift_ends sent console Your on-call shift has ended (Platform primary, Platform Engineering)");
        }
    }

    private static List<String> describe(TestServer server, String user) {
        JsonNode notices = server.http().get("/api/v1/users/" + user + "/notices").json().get("notices");
        List<String> lines = new ArrayList<>();
        for (JsonNode notice : notices) {
            lines.add(notice.get("kind").asText() + " " + notice.get("status").asText() + " "
                    + (notice.has("channel") ? notice.get("channel").asText() : "-") + " " + notice.get("subject").asText());
        }
        return lines;
    }
}
