package dev.tocsin.handoff;

import dev.tocsin.notice.Notice;
import dev.tocsin.notice.NoticeOutbox;
import dev.tocsin.testing.SettableClock;
import dev.tocsin.testing.TestDatabases;
import dev.tocsin.testing.TestServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A notice written by an API request goes out at once on a running server: the request schedules the notice's
 * timer in its transaction and wakes the timer engine, instead of leaving it to the engine's next look. The test
 * waits for the engine's thread, not for time to pass: the clock stands still.
 */
class WakeAfterWriteTest {
    private static final long WELL_BEFORE_THE_NEXT_POLL_MS = 2_500;

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void overrideNoticeIsDeliveredWithoutWaitingForThePoll(TestDatabases.Kind kind) throws InterruptedException {
        SettableClock clock = new SettableClock(Instant.parse("2027-03-24T10:00:00Z"));
        try (TestServer server = TestServer.start(kind, HandoffJobTest.ORGANISATION, clock)) {
            var created = server.http().postJson("/api/v1/schedules/platform-primary/overrides",
                    "{\"user\":\"bob\",\"start\":\"2027-03-25T09:00\",\"end\":\"2027-03-25T13:00\"}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);

            long deadline = System.currentTimeMillis() + WELL_BEFORE_THE_NEXT_POLL_MS;
            List<Notice> told;
            do {
                told = server.tocsin().database().jdbi().withHandle(handle -> new NoticeOutbox().forUser(handle, "bob", 10))
                        .stream().filter(notice -> notice.kind().equals("override_added")).toList();
                if (!told.isEmpty() && told.get(0).status() == Notice.Status.SENT) break;
                Thread.sleep(20);
            } while (System.currentTimeMillis() < deadline);
            assertThat(told).hasSize(1);
            assertThat(told.get(0).status()).isEqualTo(Notice.Status.SENT);
            assertThat(told.get(0).channel()).isEqualTo("console");
        }
    }
}
