package dev.tocsin.notice;

import dev.tocsin.engine.Recurring;
import dev.tocsin.engine.TimerEngine;
import dev.tocsin.engine.Timers;
import dev.tocsin.testing.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A notice and the timer that sends it are written together: in the same transaction, once per dedup key. A
 * notice without a timer (written by an older version) gets one from the sweep and is sent.
 */
class NoticeTimersTest {
    private static final Instant T0 = Instant.parse("2027-03-29T07:00:00Z");
    private static final String ORGANISATION = """
            users:
              - id: dave
                name: Dave Demo
                contact_methods: [ { id: dave-console, type: console } ]
            """;

    private static long timers(NoticeFixture fixture) {
        return fixture.database.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT COUNT(*) FROM timers WHERE kind = 'notice'").mapTo(Long.class).one());
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void aNoticeIsScheduledInTheTransactionThatWritesItAndOncePerKey(TestDatabases.Kind kind) {
        try (NoticeFixture fixture = new NoticeFixture(kind, ORGANISATION, T0)) {
            Notice later = Notice.of("dave", "shift_starts", "shift_start:x:dave:1", "Later", "Body", T0, T0.plus(Duration.ofHours(1)));
            assertThatThrownBy(() -> fixture.database.writeAndWait(handle -> {
                fixture.outbox.enqueue(handle, later);
                throw new IllegalStateException("the change the notice tells about failed");
            })).hasMessageContaining("failed");
            assertThat(fixture.noticesOf("dave")).isEmpty();
            assertThat(timers(fixture)).as("rolled back with the notice").isZero();

            assertThat(fixture.enqueue(later)).isTrue();
            assertThat(fixture.enqueue(later)).as("the same key again").isFalse();
            Notice stored = fixture.only("dave");
            assertThat(timers(fixture)).isEqualTo(1);
            assertThat(fixture.database.jdbi().withHandle(handle -> Timers.pending(handle, NoticeOutbox.timerKey(stored.id())))
                    .orElseThrow().dueAt()).isEqualTo(later.dueAt());
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void aNoticeWrittenWithoutItsTimerIsPickedUpBySweepAndSent(TestDatabases.Kind kind) {
        try (NoticeFixture fixture = new NoticeFixture(kind, ORGANISATION, T0)) {
            // As a node of the previous version wrote it: the row alone.
            fixture.database.writeAndWait(handle -> handle.execute("INSERT INTO notices (user_id, kind, subject, body,"
                    + " created_at, due_at, attempts) VALUES ('dave', 'shift_starts', 'Old', 'Body', ?, ?, 0)",
                    T0.toEpochMilli(), T0.toEpochMilli()));
            Recurring sweep = new UnscheduledNotices().recurring();
            NoticeSender sender = new NoticeSender(fixture.database, fixture.config::current,
                    dev.tocsin.provider.smtp.SmtpSender::new, new dev.tocsin.provider.console.ConsoleSender(),
                    NoticeSender.BACKOFF, new java.util.Random(1));
            TimerEngine engine = new TimerEngine(fixture.database, fixture.clock, "node-a", List.of(sweep, sender));
            fixture.database.writeAndWait(handle -> sweep.ensureScheduled(handle, T0, T0));

            engine.runDue(T0);   // the sweep schedules it
            engine.runDue(T0);   // and it is sent

            Notice sent = fixture.only("dave");
            assertThat(sent.status()).isEqualTo(Notice.Status.SENT);
            assertThat(sent.channel()).isEqualTo("console");
            assertThat(timers(fixture)).isEqualTo(1);
            fixture.clock.advance(UnscheduledNotices.INTERVAL);
            engine.runDue(fixture.clock.instant());
            assertThat(timers(fixture)).as("a sent notice is not scheduled again").isEqualTo(1);
        }
    }
}
