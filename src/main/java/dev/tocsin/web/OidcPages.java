package dev.tocsin.web;

import dev.tocsin.auth.Role;
import dev.tocsin.config.Organisation;
import dev.tocsin.login.OidcFlow;
import dev.tocsin.login.OidcSettings;
import dev.tocsin.login.OidcSignIn;
import dev.tocsin.login.WebLogins;
import dev.tocsin.login.WebSessions;
import dev.tocsin.user.User;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.List;
import java.util.function.Supplier;

/**
 * Single sign-on pages: {@code /login/oidc} sends the browser to the provider, {@code /login/oidc/callback} takes it
 * back, matches the provider's verified email to a configured user and starts the same session as a password
 * sign-in. Every failure is the sign-in page with the reason, never a 5xx.
 */
final class OidcPages {
    static final String START = "/login/oidc";
    static final String CALLBACK = "/login/oidc/callback";
    /** Carries the sign-in in progress ({@link OidcFlow}) from {@link #START} to {@link #CALLBACK}. */
    static final String COOKIE = "tocsin_oidc";

    private static final Logger log = LoggerFactory.getLogger(OidcPages.class);

    private final OidcSignIn oidc;
    private final WebLogins logins;
    private final WebSessions sessions;
    private final Supplier<Organisation> organisation;
    private final WebAuth auth;
    private final LoginPages login;
    private final Supplier<String> publicUrl;
    private final boolean secureCookies;

    OidcPages(OidcSignIn oidc, WebLogins logins, WebSessions sessions, Supplier<Organisation> organisation, WebAuth auth,
              LoginPages login, Supplier<String> publicUrl, boolean secureCookies) {
        this.oidc = oidc;
        this.logins = logins;
        this.sessions = sessions;
        this.organisation = organisation;
        this.auth = auth;
        this.login = login;
        this.publicUrl = publicUrl;
        this.secureCookies = secureCookies;
    }

    void start(Context ctx) {
        String next = WebAuth.safeNext(ctx.queryParam("next"));
        if (auth.session(ctx).isPresent()) {
            ctx.redirect(next);
            return;
        }
        OidcSignIn.Started started;
        try {
            started = oidc.start(redirectUri(), next);
        } catch (OidcSignIn.Failure failure) {
            login.show(ctx, 400, "", failure.getMessage());
            return;
        } catch (RuntimeException unexpected) {
            refuseUnexpected(ctx, unexpected);
            return;
        }
        ctx.res().addHeader("Set-Cookie", COOKIE + "=" + started.flow().cookie() + "; Path=" + START + "; Max-Age="
                + OidcFlow.LIFETIME.toSeconds() + attributes());
        ctx.redirect(started.authorizationUrl().toString(), HttpStatus.FOUND);
    }

    void callback(Context ctx) {
        String cookie = ctx.cookie(COOKIE);
        // The sign-in is over whatever the outcome: its cookie is not used twice.
        ctx.res().addHeader("Set-Cookie", COOKIE + "=; Path=" + START + "; Max-Age=0" + attributes());
        ctx.header("Cache-Control", "no-store");
        OidcSignIn.Verified verified;
        try {
            verified = oidc.finish(cookie, redirectUri(), ctx.queryString());
        } catch (OidcSignIn.Failure failure) {
            login.show(ctx, 400, "", failure.getMessage());
            return;
        } catch (RuntimeException unexpected) {
            refuseUnexpected(ctx, unexpected);
            return;
        }
        List<User> users = organisation.get().document().users().stream()
                .filter(user -> user.email() != null && user.email().equalsIgnoreCase(verified.email())).toList();
        if (users.size() != 1) {
            log.info("single sign-on refused: {} Tocsin users have the provider's email", users.size());
            login.show(ctx, 403, "", users.isEmpty()
                    ? "No Tocsin user has the email " + verified.email() + ". An administrator adds it as the user's "
                    + "email in the configuration."
                    : "More than one Tocsin user has the email " + verified.email() + ", so Tocsin cannot tell who you are. "
                    + "An administrator gives each user their own email in the configuration.");
            return;
        }
        User user = users.get(0);
        Role role = logins.role(user.id())
                .orElseGet(() -> oidc.settings().map(OidcSettings::role).orElse(OidcSettings.DEFAULT_ROLE));
        WebSessions.Opened opened = sessions.open(user.id(), role);
        auth.startSession(ctx, opened.secret());
        ctx.redirect(WebAuth.safeNext(verified.next()), HttpStatus.SEE_OTHER);
    }

    /**
     * A provider's answer the library could not handle in a way {@link OidcSignIn} foresaw. Still the person's
     * problem to retry rather than a server error; only the exception's type is logged, because the message of a
     * parse failure may quote a token.
     */
    private void refuseUnexpected(Context ctx, RuntimeException unexpected) {
        log.warn("single sign-on failed: {}", unexpected.getClass().getName());
        login.show(ctx, 400, "", "Single sign-on failed: the provider's answer could not be used. Start again from the sign-in page.");
    }

    /** Where the provider sends the browser back: registered at the provider, so it is built from {@code --public-url}. */
    private URI redirectUri() {
        return URI.create(publicUrl.get() + CALLBACK);
    }

    private String attributes() {
        return "; HttpOnly; SameSite=Lax" + (secureCookies ? "; Secure" : "");
    }
}
