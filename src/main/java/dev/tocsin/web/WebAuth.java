package dev.tocsin.web;

import dev.tocsin.login.WebSession;
import dev.tocsin.login.WebSessions;
import io.javalin.http.Context;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The web UI's side of sign-in: the session cookie ({@code HttpOnly}, {@code SameSite=Lax}, {@code Secure} when
 * Tocsin's public URL is https) and the anti-forgery check of every state-changing request. What a signed-in
 * person may do is decided by {@code ResponderActions} and the other services, exactly as for an API token.
 */
final class WebAuth {
    static final String COOKIE = "tocsin_session";
    static final String CSRF_FIELD = "_csrf";
    static final String CSRF_HEADER = "X-CSRF-Token";

    /** Thrown to send a browser without a session to the login page. */
    static final class SignInFirst extends RuntimeException {
        SignInFirst() {
            super(null, null, false, false);
        }
    }

    /** Thrown when a form came back without the token of the session that showed it. */
    static final class ForgedRequest extends RuntimeException {
        ForgedRequest() {
            super("This form was not sent by this Tocsin session (it may be older than your last sign-in): reload the page and try again.",
                    null, false, false);
        }
    }

    private final WebSessions sessions;
    private final boolean secureCookies;

    WebAuth(WebSessions sessions, boolean secureCookies) {
        this.sessions = sessions;
        this.secureCookies = secureCookies;
    }

    Optional<WebSession> session(Context ctx) {
        return sessions.find(ctx.cookie(COOKIE));
    }

    /** The session of a page or fragment that needs one. */
    WebSession require(Context ctx) {
        return session(ctx).orElseThrow(SignInFirst::new);
    }

    /** The session of a state-changing request, whose anti-forgery token must match. */
    WebSession requireForChange(Context ctx) {
        WebSession session = require(ctx);
        String sent = ctx.header(CSRF_HEADER);
        if (sent == null) sent = ctx.formParam(CSRF_FIELD);
        if (sent == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                session.csrfToken().getBytes(StandardCharsets.UTF_8))) {
            throw new ForgedRequest();
        }
        return session;
    }

    /** Refuses, in one place for every page, what the session's role does not allow (as the API does for tokens). */
    void requireRole(WebSession session, dev.tocsin.auth.Role minimum) {
        if (!session.role().includes(minimum)) {
            throw dev.tocsin.refusal.Refusal.forbidden("role '" + session.role().wireName() + "' may not do this; it needs '"
                    + minimum.wireName() + "'");
        }
    }

    /**
     * The person themself (any role that may act) or an admin: who may change a person's own settings — contact
     * methods, notification rules, profile, test pages, verification — as the API's contact-method routes decide.
     */
    void requireSelfOrAdmin(WebSession session, String userId) {
        if (session.role().includes(dev.tocsin.auth.Role.ADMIN)) return;
        requireRole(session, dev.tocsin.auth.Role.RESPONDER);
        if (!session.userId().equals(userId)) {
            throw dev.tocsin.refusal.Refusal.forbidden("only " + userId + " or an admin may change this");
        }
    }

    static boolean selfOrAdmin(WebSession session, String userId) {
        return session.role().includes(dev.tocsin.auth.Role.ADMIN)
                || (session.role().includes(dev.tocsin.auth.Role.RESPONDER) && session.userId().equals(userId));
    }

    void startSession(Context ctx, String secret) {
        ctx.res().addHeader("Set-Cookie", COOKIE + "=" + secret + "; Path=/; Max-Age=" + WebSessions.LIFETIME.toSeconds()
                + "; HttpOnly; SameSite=Lax" + (secureCookies ? "; Secure" : ""));
    }

    void endSession(Context ctx) {
        sessions.close(ctx.cookie(COOKIE));
        ctx.res().addHeader("Set-Cookie", COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax" + (secureCookies ? "; Secure" : ""));
    }

    /** Where the login page sends someone after signing in: only a path of this site. */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/incidents";
        return next;
    }

    static String loginUrlFor(Context ctx) {
        String target = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
        return "/login?next=" + URLEncoder.encode(target, StandardCharsets.UTF_8);
    }
}
