package dev.tocsin.notice;

import dev.tocsin.engine.Backoff;
import dev.tocsin.user.ContactMethod;
import dev.tocsin.user.NoticePreferences;
import dev.tocsin.user.User;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The pure rules of delivery: how long to wait before a retry, and where a person's notices go. */
class BackoffAndRouteTest {
    @Test
    void waitDoublesWithEachFailureUpToTheCapWithUpToHalfOfItRandom() {
        Backoff backoff = NoticeSender.BACKOFF;
        Random random = new Random(1);
        for (int i = 0; i < 200; i++) {
            assertThat(backoff.delay(1, random)).isBetween(Duration.ofSeconds(30), Duration.ofMinutes(1));
            assertThat(backoff.delay(3, random)).isBetween(Duration.ofMinutes(2), Duration.ofMinutes(4));
            assertThat(backoff.delay(9, random)).isBetween(Duration.ofMinutes(30), Duration.ofHours(1));
            assertThat(backoff.delay(60, random)).as("no overflow long after the cap")
                    .isBetween(Duration.ofMinutes(30), Duration.ofHours(1));
        }
        assertThat(backoff.exhausted(9)).isFalse();
        assertThat(backoff.exhausted(10)).isTrue();
    }

    private static User user(String email, NoticePreferences notices, ContactMethod... methods) {
        return new User("u", "U", email, User.DEFAULT_TIMEZONE, null, List.of(methods), Map.of(), notices);
    }

    @Test
    void noticesGoToTheChosenMethodElseEmailElseConsoleElseTheEmailField() {
        ContactMethod.Email mail = new ContactMethod.Email("mail", "work@example.com");
        ContactMethod.Console console = new ContactMethod.Console("console");
        ContactMethod.Phone sms = new ContactMethod.Phone("sms", "sms", "+41790000001");
        NoticePreferences viaConsole = new NoticePreferences(Duration.ofHours(1), null, "console");

        assertThat(Route.of(user("home@example.com", NoticePreferences.DEFAULT, sms, console, mail), true))
                .contains(new Route("email", "work@example.com"));
        assertThat(Route.of(user("home@example.com", viaConsole, mail, console), true)).contains(new Route("console", "u"));
        assertThat(Route.of(user("home@example.com", NoticePreferences.DEFAULT, sms, console), true)).contains(new Route("console", "u"));
        assertThat(Route.of(user("home@example.com", NoticePreferences.DEFAULT, sms), true)).contains(new Route("email", "home@example.com"));
        assertThat(Route.of(user(null, NoticePreferences.DEFAULT, sms), true)).isEmpty();
    }

    @Test
    void withoutAMailServerTheConsoleComesFirstUnlessEmailWasChosen() {
        ContactMethod.Email mail = new ContactMethod.Email("mail", "work@example.com");
        ContactMethod.Console console = new ContactMethod.Console("console");
        NoticePreferences viaMail = new NoticePreferences(Duration.ofHours(1), null, "mail");

        assertThat(Route.of(user(null, NoticePreferences.DEFAULT, mail, console), false)).contains(new Route("console", "u"));
        assertThat(Route.of(user(null, viaMail, mail, console), false)).contains(new Route("email", "work@example.com"));
        assertThat(Route.of(user(null, NoticePreferences.DEFAULT, mail), false)).contains(new Route("email", "work@example.com"));
    }
}
