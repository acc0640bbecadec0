package dev.tocsin.notice;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.tocsin.app.Settings;
import dev.tocsin.app.Tocsin;
import dev.tocsin.handoff.HandoffJob;
import dev.tocsin.override.RequestExpiry;
import dev.tocsin.testing.SettableClock;
import dev.tocsin.testing.TestDatabases;
import dev.tocsin.testing.TestServer;
import dev.tocsin.trace.Actor;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three full Tocsin nodes on one PostgreSQL database, their timer engines running on real threads, sending email
 * to a real SMTP server (GreenMail). Notices written on every node are emailed once each, and the handoff job,
 * which every node schedules, runs once a minute across the three and writes one notice per shift change (request
 * expiry, the other minutely job, likewise runs once a minute).
 *
 * <p>The nodes share a settable clock: the test moves it a minute at a time, and only when no timer is in anyone's
 * hands (a jump of a minute while a send was in flight would expire its lease, as a node dying would).
 */
class MultiNodeNoticeTest {
    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP);

    private static final int NODES = 3;
    private static final int NOTICES = 60;
    /** Monday 29 March 2027, 09:00 in Zurich: bob takes the pager from alice. */
    private static final Instant HANDOVER = Instant.parse("2027-03-29T07:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static String organisation(int smtpPort) {
        return """
                users:
                  - id: alice
                    name: Alice Keller
                    timezone: Europe/Zurich
                    contact_methods: [ { id: alice-mail, type: email, to: alice@example.com } ]
                    notices: { digest: "off" }
                  - id: bob
                    name: Bob Meier
                    timezone: Europe/Zurich
                    contact_methods: [ { id: bob-mail, type: email, to: bob@example.com } ]
                    notices: { digest: "off" }
                schedules:
                  - id: platform-primary
                    name: Platform primary
                    timezone: Europe/Zurich
                    layers:
                      - name: weekly
                        rotation: { every: 1w, handoff: "Mon 09:00", starts: 2027-03-22 }
                        users: [alice, bob]
                providers:
                  smtp: { host: 127.0.0.1, port: %d, username: tocsin, password: "${SMTP_PASSWORD}", from: "Tocsin <oncall@example.com>", starttls: false }
                """.formatted(smtpPort);
    }

    @Test
    void eachNoticeIsEmailedOnceAndTheHandoffJobRunsOnceAMinuteAcrossThreeNodes() throws Exception {
        MAIL.setUser("tocsin", "test-smtp_password");
        SettableClock clock = new SettableClock(HANDOVER.minus(Duration.ofMinutes(3)));
        try (TestDatabases.TestDatabase database = TestDatabases.postgres()) {
            List<Tocsin> nodes = new ArrayList<>();
            try {
                for (int i = 0; i < NODES; i++) {
                    nodes.add(Tocsin.start(new Settings("127.0.0.1", 0, database.url(), null, null, false), clock));
                }
                String yaml = organisation(MAIL.getSmtp().getPort());
                nodes.get(0).config().apply(yaml, "test.yaml", TestServer.testEnvironment(yaml), false, true, Actor.system());
                nodes.forEach(node -> node.sharedState().refreshNow());
                Tocsin any = nodes.get(0);

                // Notices written on every node, all due now: each node's engine (and the others') want them.
                for (int i = 0; i < NOTICES; i++) {
                    Tocsin node = nodes.get(i % NODES);
                    Notice notice = Notice.of(i % 2 == 0 ? "alice" : "bob", "test", "multi-node:" + i, "Notice " + i,
                            "Body " + i, clock.instant(), clock.instant());
                    node.database().writeAndWait(handle -> new NoticeOutbox().enqueue(handle, notice));
                    node.timers().wake();
                }
                waitUntil(() -> count(any, "SELECT COUNT(*) FROM notices WHERE sent_at IS NOT NULL") == NOTICES);

                // Through the handover a minute at a time; each minute one node runs the handoff job.
                int minutes = 0;
                while (clock.instant().isBefore(HANDOVER.plus(Duration.ofMinutes(2)))) {
                    waitUntil(() -> quiet(any, clock.instant()));
                    clock.advance(Duration.ofMinutes(1));
                    minutes++;
                    nodes.forEach(node -> node.timers().wake());
                    waitUntil(() -> quiet(any, clock.instant()));
                }

                assertThat(count(any, "SELECT COUNT(*) FROM timers WHERE kind = '" + HandoffJob.KIND + "' AND outcome = 'fired'"))
                        .as("handoff runs: one at start, then one a minute, across all nodes").isEqualTo(minutes + 1);
                assertThat(count(any, "SELECT COUNT(*) FROM timers WHERE kind = '" + HandoffJob.KIND + "' AND done_at IS NULL"))
                        .as("one pending run").isEqualTo(1);
                assertThat(count(any, "SELECT COUNT(*) FROM timers WHERE kind = '" + RequestExpiry.KIND + "' AND outcome = 'fired'"))
                        .as("request expiry runs, likewise").isEqualTo(minutes + 1);
                assertThat(count(any, "SELECT COUNT(*) FROM timers WHERE kind = '" + UnscheduledNotices.KIND + "' AND outcome = 'fired'"))
                        .as("the notice sweep ran once at start (every 10 minutes after)").isEqualTo(1);
                assertThat(kinds(any, "bob")).containsExactly("shift_starts");
                assertThat(kinds(any, "alice")).containsExactly("shift_ends");
                assertThat(count(any, "SELECT COUNT(*) FROM notices WHERE sent_at IS NULL")).as("unsent notices").isZero();

                Thread.sleep(500);   // a second copy of anything would land now
                Map<String, Integer> copies = new HashMap<>();
                for (MimeMessage mail : MAIL.getReceivedMessages()) {
                    String to = ((InternetAddress) mail.getAllRecipients()[0]).getAddress();
                    copies.merge(to + " " + mail.getSubject(), 1, Integer::sum);
                }
                assertThat(copies).hasSize(NOTICES + 2)
                        .containsKeys("bob@example.com You are on call now (Platform primary)",
                                "alice@example.com Your on-call shift has ended (Platform primary)");
                assertThat(copies.values()).as("copies of each email").containsOnly(1);
                assertThat(MAIL.getReceivedMessages()).hasSize(NOTICES + 2);
            } finally {
                nodes.forEach(Tocsin::close);
            }
        }
    }

    /** Nothing due at {@code now} is still pending, and no timer is in any node's hands. */
    private static boolean quiet(Tocsin node, Instant now) {
        return count(node, "SELECT COUNT(*) FROM timers WHERE done_at IS NULL AND (claimed_by IS NOT NULL OR due_at <= "
                + now.toEpochMilli() + ")") == 0;
    }

    private static List<String> kinds(Tocsin node, String user) {
        return node.database().jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT kind FROM notices WHERE user_id = :user AND kind <> 'test' ORDER BY id")
                .bind("user", user).mapTo(String.class).list());
    }

    private static long count(Tocsin node, String sql) {
        return node.database().jdbi().withHandle(handle -> handle.createQuery(sql).mapTo(Long.class).one());
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not done within " + WAIT);
            Thread.sleep(20);
        }
    }
}
