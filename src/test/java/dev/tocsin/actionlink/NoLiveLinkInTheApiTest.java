package dev.tocsin.actionlink;

import dev.tocsin.auth.Role;
import dev.tocsin.paging.PagingFixture;
import dev.tocsin.testing.TestDatabases;
import dev.tocsin.testing.TestHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages carry live action links to their recipient; nothing else may hold one. An observer reading every API
 * response about the incident finds no link that works, and the stored copies of the pages hold none either.
 */
class NoLiveLinkInTheApiTest {
    private static final Pattern TOKEN = Pattern.compile(Pattern.quote(ActionLinks.TOKEN_PREFIX) + "[A-Za-z0-9_-]{20,}");

    private PagingFixture fixture;

    @AfterEach
    void stop() {
        if (fixture != null) fixture.close();
    }

    private static List<String> tokens(String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(text);
        while (matcher.find()) found.add(matcher.group());
        return found;
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void anObserverFindsNoWorkingActionLinkInAnyResponse(TestDatabases.Kind kind) {
        fixture = PagingFixture.example(kind);
        long id = fixture.trigger("Checkout failing");
        fixture.advance(Duration.ofMinutes(3));
        List<String> sent = fixture.pushes("alice-7f3k2").stream().flatMap(push -> tokens(push.toString()).stream()).toList();
        assertThat(sent).as("the push alice got carries her links").isNotEmpty();

        TestHttp observer = fixture.server.as("carol", Role.OBSERVER);
        StringBuilder everything = new StringBuilder();
        for (String path : List.of("/api/v1/incidents", "/api/v1/incidents/" + id, "/api/v1/incidents/" + id + "/paging",
                "/api/v1/notifications", "/api/v1/notifications?user=alice", "/api/v1/notifications/1",
                "/api/v1/notifications/2")) {
            TestHttp.Response response = observer.get(path);
            assertThat(response.status()).as(path).isEqualTo(200);
            everything.append(response.body());
        }

        assertThat(everything.toString()).contains(ActionLinks.WITHHELD.replace("\"", "\\\""));
        assertThat(tokens(everything.toString())).isEmpty();
        for (String token : sent) {
            TestHttp anonymous = fixture.server.http().anonymous();
            assertThat(everything.toString()).doesNotContain(token);
            assertThat(anonymous.get(ActionLinks.PATH + token).status()).as("alice's own link still works").isEqualTo(200);
        }
        String stored = fixture.server.tocsin().database().jdbi().withHandle(handle -> String.join("\n", handle
                .createQuery("SELECT COALESCE(subject, '') || ' ' || COALESCE(body, '') FROM notifications")
                .mapTo(String.class).list()));
        assertThat(tokens(stored)).isEmpty();
    }
}
