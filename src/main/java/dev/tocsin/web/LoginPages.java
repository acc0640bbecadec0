package dev.tocsin.web;

import dev.tocsin.auth.Role;
import dev.tocsin.config.Organisation;
import dev.tocsin.login.LoginThrottle;
import dev.tocsin.login.OidcSettings;
import dev.tocsin.login.OidcSignIn;
import dev.tocsin.login.WebLogins;
import dev.tocsin.login.WebSessions;
import dev.tocsin.user.User;
import io.javalin.http.Context;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** Signing in with email and password, and out; the sign-in page also offers single sign-on when it is configured. */
final class LoginPages {
    /** No configured user has this id (ids are letters, digits and . _ @ -): it has no login either. */
    private static final String NO_SUCH_USER = " no such user ";

    private final WebLogins logins;
    private final WebSessions sessions;
    private final LoginThrottle throttle;
    private final Supplier<Organisation> organisation;
    private final WebAuth auth;
    private final Frames frames;
    private final OidcSignIn oidc;
    private final Clock clock;

    LoginPages(WebLogins logins, WebSessions sessions, LoginThrottle throttle, Supplier<Organisation> organisation,
               WebAuth auth, Frames frames, OidcSignIn oidc, Clock clock) {
        this.logins = logins;
        this.sessions = sessions;
        this.throttle = throttle;
        this.organisation = organisation;
        this.auth = auth;
        this.frames = frames;
        this.oidc = oidc;
        this.clock = clock;
    }

    void form(Context ctx) {
        if (auth.session(ctx).isPresent()) {
            ctx.redirect(WebAuth.safeNext(ctx.queryParam("next")));
            return;
        }
        show(ctx, 200, "", null);
    }

    void signIn(Context ctx) {
        String email = Optional.ofNullable(ctx.formParam("email")).orElse("").trim();
        String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
        String address = ctx.ip();
        Optional<Duration> wait = throttle.refusal(clock.instant(), email, address);
        if (wait.isPresent()) {
            long minutes = Math.max(1, (wait.get().toSeconds() + 59) / 60);
            ctx.header("Retry-After", Long.toString(wait.get().toSeconds()));
            show(ctx, 429, email, "Too many failed sign-ins. Try again in " + minutes + " min.");
            return;
        }
        if (email.isEmpty() || password.isEmpty()) {
            show(ctx, 400, email, "Enter your email and your password.");
            return;
        }
        Optional<User> user = organisation.get().document().users().stream()
                .filter(candidate -> candidate.email() != null && candidate.email().equalsIgnoreCase(email)).findFirst();
        // An unknown email costs the same password hashing as a wrong password: the answer's timing tells nothing.
        Optional<Role> role = logins.check(user.map(User::id).orElse(NO_SUCH_USER), password);
        if (role.isEmpty() || user.isEmpty()) {
            throttle.failed(clock.instant(), email, address);
            show(ctx, 401, email, "That email and password do not match. (An administrator sets passwords with "
                    + "`tocsin admin set-password --user ID`.)");
            return;
        }
        throttle.succeeded(email);
        WebSessions.Opened opened = sessions.open(user.get().id(), role.get());
        auth.startSession(ctx, opened.secret());
        ctx.redirect(WebAuth.safeNext(ctx.formParam("next")), io.javalin.http.HttpStatus.SEE_OTHER);
    }

    void signOut(Context ctx) {
        auth.requireForChange(ctx);
        auth.endSession(ctx);
        ctx.redirect("/login", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    /** The sign-in page, with {@code error} (or null) above the forms. */
    void show(Context ctx, int status, String email, String error) {
        Map<String, Object> model = new HashMap<>();
        model.put("page", frames.page(ctx, null, "Sign in", "login", error));
        model.put("email", email);
        model.put("next", WebAuth.safeNext(Optional.ofNullable(ctx.formParam("next")).orElse(ctx.queryParam("next"))));
        model.put("ssoName", oidc.settings().map(OidcSettings::name).orElse(null));
        ctx.status(status).render("login.jte", model);
    }
}
