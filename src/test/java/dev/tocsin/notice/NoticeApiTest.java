package dev.tocsin.notice;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tocsin.auth.Role;
import dev.tocsin.testing.SettableClock;
import dev.tocsin.testing.TestDatabases;
import dev.tocsin.testing.TestServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** A running server delivers console notices and shows every notice of a person through the API. */
class NoticeApiTest {
    private static final Instant T0 = Instant.parse("2027-03-29T07:00:00Z");

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void consoleNoticeIsDeliveredByTheServerAndListedForThePerson(TestDatabases.Kind kind) throws Exception {
        SettableClock clock = new SettableClock(T0);
        try (TestServer server = TestServer.start(kind, """
                users:
                  - id: dave
                    name: Dave
                    contact_methods: [ { id: dave-console, type: console } ]
                """, clock)) {
            var tocsin = server.tocsin();
            tocsin.database().writeAndWait(handle -> new NoticeOutbox().enqueue(handle,
                    Notice.of("dave", "shift_starts", "test:1", "You are on call now", "Body", T0, T0)));
            tocsin.timers().runDue(T0);

            var response = server.as("dave", Role.OBSERVER).get("/api/v1/users/dave/notices");
            assertThat(response.status()).isEqualTo(200);
            JsonNode notice = response.json().get("notices").get(0);
            assertThat(notice.get("kind").asText()).isEqualTo("shift_starts");
            assertThat(notice.get("status").asText()).isEqualTo("sent");
            assertThat(notice.get("channel").asText()).isEqualTo("console");
            assertThat(notice.get("sent_at").asText()).isEqualTo("2027-03-29T07:00:00Z");
            assertThat(notice.get("dedup_key").asText()).isEqualTo("test:1");

            assertThat(server.http().get("/api/v1/users/nobody/notices").status()).isEqualTo(404);
            assertThat(server.http().get("/api/v1/users/dave/notices?limit=0").status()).isEqualTo(400);
            assertThat(server.http().anonymous().get("/api/v1/users/dave/notices").status()).isEqualTo(401);
        }
    }
}
