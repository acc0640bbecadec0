package dev.tocsin.web;

import dev.tocsin.auth.Role;
import dev.tocsin.config.ConfigException;
import dev.tocsin.testing.SettableClock;
import dev.tocsin.testing.TestDatabases;
import dev.tocsin.testing.TestServer;
import dev.tocsin.trace.Actor;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Single sign-on against a real OpenID Connect provider (mock-oauth2-server on a free port): discovery, the
 * authorization-code flow with PKCE, state and nonce, the ID token's signature checked with the provider's keys.
 */
class OidcSignInTest {
    private static final String ISSUER_ID = "corp";
    private static final String CLIENT_ID = "tocsin-web";

    private MockOAuth2Server provider;
    private final HttpClient toProvider = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void startProvider() {
        provider = new MockOAuth2Server();
        provider.start();
    }

    @AfterEach
    void stopProvider() {
        provider.shutdown();
    }

    private String issuer() {
        return provider.issuerUrl(ISSUER_ID).toString();
    }

    private static String organisation(String issuer, String extra) {
        return """
                users:
                  - { id: alice, name: Alice Keller, email: alice@example.com }
                  - { id: bob, name: Bob Marsh, email: bob@example.com }
                auth:
                  oidc:
                    issuer: "%s"
                    client_id: %s
                    client_secret: "${OIDC_CLIENT_SECRET}"
                    name: Example SSO
                %s""".formatted(issuer, CLIENT_ID, extra);
    }

    /** The provider will vouch for this email (verified) at the next token request. */
    private void providerSignsIn(String email) {
        provider.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, "subject-" + email, "JWT", null,
                Map.of("email", email, "email_verified", true), 3600));
    }

    /** The browser at the provider's authorization endpoint: the provider signs the person in and sends them back. */
    private String atProvider(String authorizationUrl) {
        try {
            HttpResponse<String> response = toProvider.send(HttpRequest.newBuilder(URI.create(authorizationUrl)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("the provider redirects back").isEqualTo(302);
            URI back = URI.create(response.headers().firstValue("Location").orElseThrow());
            assertThat(back.getPath()).isEqualTo("/login/oidc/callback");
            return back.getRawPath() + "?" + back.getRawQuery();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts single sign-on in {@code browser}; answers the provider's authorization URL. */
    private static String startSignIn(FormClient browser, String next) {
        FormClient.Page start = browser.get("/login/oidc" + (next == null ? "" : "?next=" + next));
        assertThat(start.status()).isEqualTo(302);
        assertThat(start.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("tocsin_oidc=").contains("HttpOnly").contains("SameSite=Lax").contains("Path=/login/oidc"));
        return start.location();
    }

    @Test
    void aConfiguredUserSignsInWithTheProviderMatchedByEmailInAnyCase() {
        try (TestServer server = TestServer.start(TestDatabases.Kind.SQLITE, organisation(issuer(), ""))) {
            FormClient browser = new FormClient(server.baseUrl());
            assertThat(browser.get("/login").body()).contains("Sign in with Example SSO");

            String authorization = startSignIn(browser, "/schedules");
            URI sentTo = URI.create(authorization);
            assertThat(authorization).startsWith(issuer() + "/authorize");
            assertThat(sentTo.getQuery()).contains("client_id=" + CLIENT_ID).contains("response_type=code")
                    .contains("scope=openid+email").contains("code_challenge_method=S256").contains("state=").contains("nonce=")
                    .contains("redirect_uri=" + server.tocsin().publicUrl() + "/login/oidc/callback");

            providerSignsIn("Alice@EXAMPLE.com");
            FormClient.Page back = browser.get(atProvider(authorization));
            assertThat(back.status()).isEqualTo(303);
            assertThat(back.location()).as("where the sign-in started").isEqualTo("/schedules");
            assertThat(back.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie).startsWith("tocsin_session="))
                    .anySatisfy(cookie -> assertThat(cookie).startsWith("tocsin_oidc=;").contains("Max-Age=0"));

            FormClient.Page list = browser.get("/incidents");
            assertThat(list.status()).isEqualTo(200);
            assertThat(list.body()).contains("Alice Keller").contains("<span class=\"role\">responder</span>");
        }
    }

    @Test
    void aUserWithAWebLoginKeepsItsRoleAndOthersGetTheConfiguredOne() {
        try (TestServer server = TestServer.start(TestDatabases.Kind.SQLITE, organisation(issuer(), "    role: observer\n"))) {
            server.tocsin().webLogins().setPassword("alice", "correct horse battery", Role.ADMIN);

            FormClient alice = new FormClient(server.baseUrl());
            String authorization = startSignIn(alice, null);
            providerSignsIn("alice@example.com");
            assertThat(alice.get(atProvider(authorization)).location()).isEqualTo("/incidents");
            assertThat(alice.get("/incidents").body()).contains("<span class=\"role\">admin</span>");

            FormClient bob = new FormClient(server.baseUrl());
            authorization = startSignIn(bob, null);
            providerSignsIn("bob@example.com");
            assertThat(bob.get(atProvider(authorization)).status()).isEqualTo(303);
            assertThat(bob.get("/incidents").body()).contains("Bob Marsh").contains("<span class=\"role\">observer</span>");
        }
    }

    @Test
    void anEmailNoUserHasIsRefusedWithoutASession() {
        try (TestServer server = TestServer.start(TestDatabases.Kind.SQLITE, organisation(issuer(), ""))) {
            FormClient browser = new FormClient(server.baseUrl());
            String authorization = startSignIn(browser, null);
            providerSignsIn("mallory@example.com");

            FormClient.Page refused = browser.get(atProvider(authorization));
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.body()).contains("No Tocsin user has the email mallory@example.com");
            assertThat(refused.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("tocsin_session="));
            assertThat(browser.get("/incidents").status()).isEqualTo(302);
        }
    }

    @Test
    void anUnverifiedEmailIsRefused() {
        try (TestServer server = TestServer.start(TestDatabases.Kind.SQLITE, organisation(issuer(), ""))) {
            FormClient browser = new FormClient(server.baseUrl());
            String authorization = startSignIn(browser, null);
            provider.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, "alice", "JWT", null,
                    Map.of("email", "alice@example.com", "email_verified", false), 3600));

            FormClient.Page refused = browser.get(atProvider(authorization));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.body()).contains("has not verified your email address");
            assertThat(browser.get("/incidents").status()).isEqualTo(302);
        }
    }

    @Test
    void aTamperedOrMissingStateIsRefused() {
        try (TestServer server = TestServer.start(TestDatabases.Kind.SQLITE, organisation(issuer(), ""))) {
            FormClient browser = new FormClient(server.baseUrl());
            String authorization = startSignIn(browser, null);
            providerSignsIn("alice@example.com");
            String callback = atProvider(authorization);

            String tampered = callback.replaceFirst("state=[^&]+", "state=forged");
            FormClient.Page forged = browser.get(tampered);
            assertThat(forged.status()).isEqualTo(400);
            assertThat(forged.body()).contains("does not belong to the sign-in this browser started");

            FormClient again = new FormClient(server.baseUrl());
            String second = startSignIn(again, null);
            providerSignsIn("alice@example.com");
            FormClient.Page missing = again.get(atProvider(second).replaceFirst("&?state=[^&]+", ""));
            assertThat(missing.status()).isEqualTo(400);
            assertThat(missing.body()).contains("its state does not match");
            assertThat(again.get("/incidents").status()).isEqualTo(302);
        }
    }

    @Test
    void aCallbackInAnotherBrowserOrTooLateIsRefused() {
        SettableClock clock = new SettableClock(Instant.now());
        try (TestServer server = TestServer.start(TestDatabases.Kind.SQLITE, organisation(issuer(), ""), clock)) {
            FormClient victim = new FormClient(server.baseUrl());
            String authorization = startSignIn(victim, null);
            providerSignsIn("alice@example.com");
            String callback = atProvider(authorization);

            FormClient attacker = new FormClient(server.baseUrl());
            FormClient.Page elsewhere = attacker.get(callback);
            assertThat(elsewhere.status()).isEqualTo(400);
            assertThat(elsewhere.body()).contains("was not started from this browser");

            clock.advance(Duration.ofMinutes(11));
            FormClient.Page late = victim.get(callback);
            assertThat(late.status()).isEqualTo(400);
            assertThat(late.body()).contains("took longer than 10 minutes");
            assertThat(victim.get("/incidents").status()).isEqualTo(302);
        }
    }

    @Test
    void theProvidersRefusalIsShown() {
        try (TestServer server = TestServer.start(TestDatabases.Kind.SQLITE, organisation(issuer(), ""))) {
            FormClient browser = new FormClient(server.baseUrl());
            String state = URI.create(startSignIn(browser, null)).getQuery().replaceFirst(".*(?:^|&)state=([^&]+).*", "$1");

            FormClient.Page refused = browser.get("/login/oidc/callback?error=access_denied&error_description=User+cancelled&state=" + state);
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.body()).contains("The provider did not sign you in: access_denied (User cancelled)");
        }
    }

    @Test
    void anUnreachableIssuerIsAClearRefusalAndANewIssuerAppliesWithoutRestart() {
        try (TestServer server = TestServer.start(TestDatabases.Kind.SQLITE, organisation("http://127.0.0.1:9/nowhere", ""))) {
            FormClient browser = new FormClient(server.baseUrl());
            FormClient.Page unreachable = browser.get("/login/oidc");
            assertThat(unreachable.status()).isEqualTo(400);
            assertThat(unreachable.body()).contains("The sign-in provider (http://127.0.0.1:9/nowhere) cannot be reached")
                    .doesNotContain("Exception");

            String fixed = organisation(issuer(), "");
            server.tocsin().config().apply(fixed, "fixed.yaml", TestServer.testEnvironment(fixed), false, true, Actor.system());
            String authorization = startSignIn(browser, null);
            assertThat(authorization).startsWith(issuer());
            providerSignsIn("bob@example.com");
            assertThat(browser.get(atProvider(authorization)).status()).isEqualTo(303);
            assertThat(browser.get("/incidents").body()).contains("Bob Marsh");
        }
    }

    @Test
    void withoutSingleSignOnTheLoginPageOffersOnlyPasswords() {
        try (TestServer server = TestServer.start(TestDatabases.Kind.SQLITE, TestServer.resource("demo/organisation.yaml"))) {
            FormClient browser = new FormClient(server.baseUrl());
            assertThat(browser.get("/login").body()).doesNotContain("Sign in with");
            FormClient.Page off = browser.get("/login/oidc");
            assertThat(off.status()).isEqualTo(400);
            assertThat(off.body()).contains("Single sign-on is not configured");
        }
    }

    @Test
    void aMissingClientIdIsAProblemAtItsPath() {
        try (TestServer server = TestServer.start(TestDatabases.Kind.SQLITE, null)) {
            String yaml = """
                    users:
                      - { id: alice, name: Alice Keller, email: alice@example.com }
                    auth:
                      oidc:
                        issuer: "http://sso.example.com/realms/corp"
                        client_secret: "${OIDC_CLIENT_SECRET}"
                        scopes: [email]
                        role: boss
                    """;
            assertThatThrownBy(() -> server.tocsin().config().apply(yaml, "sso.yaml", TestServer.testEnvironment(yaml), true,
                    true, Actor.system()))
                    .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactly(
                            "sso.yaml:5: auth.oidc.issuer: 'http://sso.example.com/realms/corp' is not an https URL (plain http is allowed for localhost only)",
                            "sso.yaml:5: auth.oidc.client_id: missing required field 'client_id' (the client id the provider gave Tocsin)",
                            "sso.yaml:7: auth.oidc.scopes: must include 'openid' (it is what makes the provider send an ID token)",
                            "sso.yaml:8: auth.oidc.role: unknown role 'boss'; expected observer, responder or admin"));
        }
    }

    @Test
    void exportShowsTheSecretAsItsPlaceholderOnly() {
        String yaml = organisation(issuer(), "");
        try (TestServer server = TestServer.start(TestDatabases.Kind.SQLITE, yaml)) {
            String exported = server.http().get("/api/v1/config/export").body();
            assertThat(exported).contains("auth:").contains("oidc:").contains("client_id: " + CLIENT_ID)
                    .contains("client_secret: \"${OIDC_CLIENT_SECRET}\"").contains("name: Example SSO")
                    .doesNotContain("test-oidc_client_secret");

            String literal = yaml.replace("\"${OIDC_CLIENT_SECRET}\"", "written-in-the-file");
            var result = server.tocsin().config().apply(literal, "literal.yaml", Map.of(), true, true, Actor.system());
            assertThat(result.changes().toString()).contains("client_secret (secret)").doesNotContain("written-in-the-file");
            server.tocsin().config().apply(literal, "literal.yaml", Map.of(), false, true, Actor.system());
            assertThat(server.http().get("/api/v1/config/export").body())
                    .contains("client_secret: \"${TOCSIN_AUTH_OIDC_CLIENT_SECRET}\"").doesNotContain("written-in-the-file");
        }
    }
}
