package dev.tocsin.app;

import dev.tocsin.auth.IssuedToken;
import dev.tocsin.auth.Role;
import dev.tocsin.trace.Actor;


/**
 * {@code serve --demo}: loads the demo organisation (Platform team, primary and backup schedules, the
 * customer-api service) and issues an admin token, so a newcomer can try Tocsin with two commands.
 */
public final class Demo {
    /** The demo's Events API v2 integration key (the customer-api service). */
    public static final String EVENTS_KEY = "3f9c0d2a7b4e4c1f9a8d6e5b2c1a0f9e";
    public static final String DEMO_USER = "alice";

    private Demo() {
    }

    /** What a newcomer signs in with: an API token and a web password for alice, both new at every start. */
    public record Access(IssuedToken token, String email, String password) {
    }

    /**
     * Applies the demo organisation (idempotent), issues a new admin token for alice and gives her a new web password
     * (admin role). Each start prints a new password; the one before stops working.
     */
    public static Access load(Tocsin tocsin) {
        tocsin.config().applyDemo(Actor.system());
        IssuedToken token = tocsin.tokens().create(DEMO_USER, Role.ADMIN, "demo");
        String password = newPassword();
        tocsin.webLogins().setPassword(DEMO_USER, password, Role.ADMIN);
        String email = tocsin.config().current().user(DEMO_USER).map(user -> user.email()).orElse("alice@example.com");
        return new Access(token, email, password);
    }

    /** 16 characters from 96 random bits, URL- and shell-safe. */
    static String newPassword() {
        byte[] bytes = new byte[12];
        new java.security.SecureRandom().nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** What {@code serve --demo} prints: where it runs, the token, and commands to paste. */
    public static String banner(Tocsin tocsin, Access access) {
        IssuedToken token = access.token();
        String url = tocsin.publicUrl();
        String event = "{\"routing_key\":\"" + EVENTS_KEY + "\",\"event_action\":\"trigger\","
                + "\"payload\":{\"summary\":\"Test alert: checkout latency above 2s\",\"source\":\"quickstart\","
                + "\"severity\":\"critical\"}}";
        return String.join(System.lineSeparator(),
                "Tocsin " + Version.current() + " is running at " + url + " (demo organisation; database "
                        + tocsin.database().describe() + ")",
                "Log in: " + url + "/",
                "email: " + access.email(),
                "password: " + access.password(),
                "Admin token for alice (shown once, stored hashed): " + token.secret(),
                "Trigger a test alert:",
                "  curl -sS -X POST " + url + "/v2/enqueue -H 'Content-Type: application/json' -d '" + event + "'",
                "Then see the incident it opened:",
                "  ./tocsin incidents --server " + url + " --token " + token.secret(),
                "Pages to the demo's people are printed here (console contact methods) and listed by:",
                "  curl -sS " + url + "/api/v1/notifications -H 'Authorization: Bearer " + token.secret() + "'",
                "Stop with Ctrl-C.");
    }
}
