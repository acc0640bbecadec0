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

    /** Applies the demo organisation (idempotent) and returns a new admin token for alice. */
    public static IssuedToken load(Tocsin tocsin) {
        tocsin.config().applyDemo(Actor.system());
        return tocsin.tokens().create(DEMO_USER, Role.ADMIN, "demo");
    }

    /** What {@code serve --demo} prints: where it runs, the token, and commands to paste. */
    public static String banner(Tocsin tocsin, IssuedToken token) {
        String url = tocsin.publicUrl();
        String event = "{\"routing_key\":\"" + EVENTS_KEY + "\",\"event_action\":\"trigger\","
                + "\"payload\":{\"summary\":\"Test alert: checkout latency above 2s\",\"source\":\"quickstart\","
                + "\"severity\":\"critical\"}}";
        return String.join(System.lineSeparator(),
                "Tocsin " + Version.current() + " is running at " + url + " (demo organisation; database "
                        + tocsin.database().describe() + ")",
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
