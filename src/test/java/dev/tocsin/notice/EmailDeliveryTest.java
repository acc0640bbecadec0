package dev.tocsin.notice;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.tocsin.engine.Backoff;
import dev.tocsin.testing.TestDatabases;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Notices delivered by email through a real SMTP server (GreenMail), on SQLite and PostgreSQL. */
class EmailDeliveryTest {
    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP);

    private static final Instant T0 = Instant.parse("2027-03-29T07:00:00Z");

    static String organisation(int smtpPort) {
        return """
                users:
                  - id: alice
                    name: Alice Keller
                    email: alice@example.com
                    contact_methods:
                      - { id: alice-sms, type: sms, to: "+41790000001" }
                      - { id: alice-mail, type: email, to: alice.work@example.com }
                  - id: dave
                    name: Dave Demo
                    email: dave@example.com
                    contact_methods:
                      - { id: dave-console, type: console }
                  - id: erin
                    name: Erin Field
                    email: erin@example.com
                  - id: frank
                    name: Frank Nomail
                providers:
                  smtp: { host: 127.0.0.1, port: %d, username: tocsin, password: "${SMTP_PASSWORD}", from: "Tocsin <oncall@example.com>", starttls: false }
                """.formatted(smtpPort);
    }

    @BeforeEach
    void mailAccount() {
        MAIL.setUser("tocsin", "test-smtp_password");
    }

    private static Notice notice(String user, String subject, String body, Instant due) {
        return Notice.of(user, "shift_starts", null, subject, body, T0, due);
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void dueNoticeIsEmailedToTheFirstEmailContactMethodAsTextAndHtml(TestDatabases.Kind kind) throws Exception {
        try (NoticeFixture fixture = new NoticeFixture(kind, organisation(MAIL.getSmtp().getPort()), T0)) {
            fixture.enqueue(notice("alice", "You are on call from Mon 29 Mar 09:00 (Platform primary, Platform)",
                    "Your shift starts Mon 29 Mar 09:00 CEST.\nIt ends Mon 5 Apr 09:00 CEST.\n\n<Schedule> & more", T0));

            assertThat(fixture.sender(NoticeSender.BACKOFF).deliverDue()).isEqualTo(1);

            MimeMessage[] received = MAIL.getReceivedMessages();
            assertThat(received).hasSize(1);
            MimeMessage mail = received[0];
            assertThat(mail.getAllRecipients()).extracting(a -> ((InternetAddress) a).getAddress())
                    .containsExactly("alice.work@example.com");
            assertThat(((InternetAddress) mail.getFrom()[0]).getAddress()).isEqualTo("oncall@example.com");
            assertThat(mail.getSubject()).isEqualTo("You are on call from Mon 29 Mar 09:00 (Platform primary, Platform)");
            MimeMultipart parts = (MimeMultipart) mail.getContent();
            assertThat(parts.getContentType()).startsWith("multipart/alternative");
            assertThat(GreenMailUtil.getBody(parts.getBodyPart(0))).contains("Your shift starts Mon 29 Mar 09:00 CEST.");
            assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
            assertThat((String) parts.getBodyPart(1).getContent())
                    .contains("<p>Your shift starts Mon 29 Mar 09:00 CEST.<br>")
                    .contains("&lt;Schedule&gt; &amp; more");

            Notice sent = fixture.only("alice");
            assertThat(sent.status()).isEqualTo(Notice.Status.SENT);
            assertThat(sent.sentAt()).isEqualTo(T0);
            assertThat(sent.channel()).isEqualTo("email");
            assertThat(sent.attempts()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void noticeDueLaterWaitsForItsTime(TestDatabases.Kind kind) throws Exception {
        try (NoticeFixture fixture = new NoticeFixture(kind, organisation(MAIL.getSmtp().getPort()), T0)) {
            fixture.enqueue(notice("erin", "Reminder", "Later", T0.plus(Duration.ofHours(1))));
            NoticeFixture.Delivery sender = fixture.sender(NoticeSender.BACKOFF);

            assertThat(sender.deliverDue()).isZero();
            assertThat(MAIL.getReceivedMessages()).isEmpty();

            fixture.clock.advance(Duration.ofHours(1));
            sender.deliverDue();
            assertThat(MAIL.getReceivedMessages()).hasSize(1);
            assertThat(GreenMailUtil.getAddressList(MAIL.getReceivedMessages()[0].getAllRecipients()))
                    .isEqualTo("erin@example.com");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void consoleContactMethodIsLoggedAndMarkedSentWithoutEmail(TestDatabases.Kind kind) {
        try (NoticeFixture fixture = new NoticeFixture(kind, organisation(MAIL.getSmtp().getPort()), T0)) {
            fixture.enqueue(notice("dave", "Hello console", "Printed", T0));
            fixture.sender(NoticeSender.BACKOFF).deliverDue();

            assertThat(MAIL.getReceivedMessages()).isEmpty();
            Notice sent = fixture.only("dave");
            assertThat(sent.status()).isEqualTo(Notice.Status.SENT);
            assertThat(sent.channel()).isEqualTo("console");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void userWithoutAnyWayToBeReachedIsFailedAndVisibleNotDropped(TestDatabases.Kind kind) {
        try (NoticeFixture fixture = new NoticeFixture(kind, organisation(MAIL.getSmtp().getPort()), T0)) {
            fixture.enqueue(notice("frank", "Unreachable", "Nobody reads this", T0));
            fixture.sender(NoticeSender.BACKOFF).deliverDue();

            Notice failed = fixture.only("frank");
            assertThat(failed.status()).isEqualTo(Notice.Status.FAILED);
            assertThat(failed.lastError()).contains("no email or console contact method");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void mailServerDownIsRetriedWithBackoffThenFailedAndVisible(TestDatabases.Kind kind) throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Backoff backoff = new Backoff(Duration.ofMinutes(1), Duration.ofMinutes(10), 3, 0.5);
        try (NoticeFixture fixture = new NoticeFixture(kind, organisation(closedPort), T0)) {
            fixture.enqueue(notice("alice", "Server down", "Will not arrive", T0));
            NoticeFixture.Delivery sender = fixture.sender(backoff);

            sender.deliverDue();
            Notice first = fixture.only("alice");
            assertThat(first.status()).isEqualTo(Notice.Status.PENDING);
            assertThat(first.attempts()).isEqualTo(1);
            assertThat(first.lastError()).isNotBlank();
            // between half and all of the first delay
            assertThat(first.dueAt()).isBetween(T0.plusSeconds(30), T0.plusSeconds(60));

            assertThat(sender.deliverDue()).as("not retried before its time").isZero();
            fixture.clock.set(first.dueAt());
            sender.deliverDue();
            Notice second = fixture.only("alice");
            assertThat(second.attempts()).isEqualTo(2);
            assertThat(second.dueAt()).isBetween(first.dueAt().plusSeconds(60), first.dueAt().plusSeconds(120));

            fixture.clock.set(second.dueAt());
            sender.deliverDue();
            Notice last = fixture.only("alice");
            assertThat(last.status()).isEqualTo(Notice.Status.FAILED);
            assertThat(last.attempts()).isEqualTo(3);
            assertThat(last.failedAt()).isEqualTo(second.dueAt());
            assertThat(last.lastError()).contains("gave up after 3 attempts");

            fixture.clock.advance(Duration.ofDays(1));
            assertThat(sender.deliverDue()).as("a failed notice is not due any more").isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void mailServerBackBeforeTheLastAttemptDeliversTheNotice(TestDatabases.Kind kind) {
        int port = MAIL.getSmtp().getPort();
        try (NoticeFixture fixture = new NoticeFixture(kind, organisation(port), T0)) {
            fixture.enqueue(notice("erin", "Eventually", "Arrives on the second try", T0));
            NoticeFixture.Delivery sender = fixture.sender(NoticeSender.BACKOFF);
            MAIL.stop();
            sender.deliverDue();
            assertThat(fixture.only("erin").attempts()).isEqualTo(1);

            MAIL.start();
            mailAccount();
            fixture.clock.set(fixture.only("erin").dueAt());
            sender.deliverDue();
            assertThat(fixture.only("erin").status()).isEqualTo(Notice.Status.SENT);
            assertThat(MAIL.getReceivedMessages()).hasSize(1);
        }
    }
}
