package dev.tocsin.web;

import dev.tocsin.auth.Role;
import dev.tocsin.testing.TestDatabases;
import dev.tocsin.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WebLoginTest {
    static final String PASSWORD = "correct horse battery";

    static TestServer demo(TestDatabases.Kind kind) {
        TestServer server = TestServer.start(kind, TestServer.resource("demo/organisation.yaml"));
        server.tocsin().webLogins().setPassword("alice", PASSWORD, Role.ADMIN);
        return server;
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void signingInSetsASessionCookieAndSigningOutEndsIt(TestDatabases.Kind kind) {
        try (TestServer server = demo(kind)) {
            FormClient browser = new FormClient(server.baseUrl());
            FormClient.Page unsigned = browser.get("/incidents?status=all");
            assertThat(unsigned.status()).isEqualTo(302);
            assertThat(unsigned.location()).isEqualTo("/login?next=%2Fincidents%3Fstatus%3Dall");

            FormClient.Page wrong = browser.signIn("alice@example.com", "not the password");
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(wrong.body()).contains("That email and password do not match");

            FormClient.Page signedIn = browser.signIn("ALICE@example.com", PASSWORD);
            assertThat(signedIn.status()).isEqualTo(303);
            assertThat(signedIn.location()).isEqualTo("/incidents");
            String cookie = signedIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("tocsin_session=")).findFirst().orElseThrow();
            assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax").contains("Path=/").doesNotContain("Secure");

            FormClient.Page list = browser.get("/incidents");
            assertThat(list.status()).isEqualTo(200);
            assertThat(list.body()).contains("Alice Keller").contains("No incidents match");

            FormClient thief = new FormClient(server.baseUrl());
            browser.copyCookiesTo(thief);
            assertThat(thief.get("/incidents").status()).isEqualTo(200);

            FormClient.Page forgedSignOut = browser.post("/logout", Map.of());
            assertThat(forgedSignOut.status()).as("sign-out needs the form's token too").isEqualTo(403);
            FormClient.Page signedOut = browser.post("/logout", Map.of("_csrf", list.csrf()));
            assertThat(signedOut.status()).isEqualTo(303);
            assertThat(thief.get("/incidents").status()).as("the session is over on the server, not only in the browser").isEqualTo(302);
        }
    }

    @Test
    void aNewPasswordEndsTheUsersSessions() {
        try (TestServer server = demo(TestDatabases.Kind.SQLITE)) {
            FormClient browser = new FormClient(server.baseUrl());
            assertThat(browser.signIn("alice@example.com", PASSWORD).status()).isEqualTo(303);
            server.tocsin().webLogins().setPassword("alice", "another long password", Role.ADMIN);
            assertThat(browser.get("/incidents").status()).isEqualTo(302);
            assertThat(browser.signIn("alice@example.com", PASSWORD).status()).isEqualTo(401);
            assertThat(browser.signIn("alice@example.com", "another long password").status()).isEqualTo(303);
        }
    }

    @Test
    void repeatedFailuresAreThrottledEvenForTheRightPassword() {
        try (TestServer server = demo(TestDatabases.Kind.SQLITE)) {
            FormClient browser = new FormClient(server.baseUrl());
            for (int i = 0; i < 5; i++) assertThat(browser.signIn("alice@example.com", "guess " + i).status()).isEqualTo(401);
            FormClient.Page refused = browser.signIn("alice@example.com", PASSWORD);
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.body()).contains("Too many failed sign-ins. Try again in 15 min.");
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void anUnknownEmailAndAnEmptyFormGetAMessageNotAnError(TestDatabases.Kind kind) {
        try (TestServer server = demo(kind)) {
            FormClient browser = new FormClient(server.baseUrl());
            assertThat(browser.signIn("nobody@example.com", PASSWORD).status()).isEqualTo(401);
            FormClient.Page empty = browser.signIn("", "");
            assertThat(empty.status()).isEqualTo(400);
            assertThat(empty.body()).contains("Enter your email and your password.");
        }
    }

    @Test
    void theLoginPageSendsOnlyToPathsOfThisSite() {
        assertThat(WebAuth.safeNext("/incidents/4")).isEqualTo("/incidents/4");
        assertThat(WebAuth.safeNext("https://evil.example/")).isEqualTo("/incidents");
        assertThat(WebAuth.safeNext("//evil.example/")).isEqualTo("/incidents");
        assertThat(WebAuth.safeNext("/\\evil.example/")).isEqualTo("/incidents");
        assertThat(WebAuth.safeNext(null)).isEqualTo("/incidents");
    }

    @Test
    void aShortPasswordIsRefusedWithTheRule() {
        try (TestServer server = demo(TestDatabases.Kind.SQLITE)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> server.tocsin().webLogins().setPassword("alice", "short", Role.ADMIN))
                    .hasMessageContaining("a password needs at least 10 characters");
        }
    }
}
