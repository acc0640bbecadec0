package dev.tocsin.web;

import dev.tocsin.auth.Role;
import dev.tocsin.config.Organisation;
import dev.tocsin.login.Passwords;
import dev.tocsin.login.WebInvites;
import dev.tocsin.login.WebLogins;
import dev.tocsin.login.WebSession;
import dev.tocsin.login.WebSessions;
import dev.tocsin.refusal.Refusal;
import dev.tocsin.user.User;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How people get into the web UI: an admin invites a person (a one-time link, shown once), changes the role a
 * person signs in with, or takes their sign-in away; the invited person chooses a password; anyone signed in
 * changes their own password.
 */
final class SignInPages {
    private final Supplier<Organisation> organisation;
    private final WebLogins logins;
    private final WebInvites invites;
    private final WebSessions sessions;
    private final Supplier<String> publicUrl;
    private final WebAuth auth;
    private final Frames frames;

    SignInPages(Supplier<Organisation> organisation, WebLogins logins, WebInvites invites, WebSessions sessions,
                Supplier<String> publicUrl, WebAuth auth, Frames frames) {
        this.organisation = organisation;
        this.logins = logins;
        this.invites = invites;
        this.sessions = sessions;
        this.publicUrl = publicUrl;
        this.auth = auth;
        this.frames = frames;
    }

    /** The role a person signs in with, if they have a web password (what the person page shows). */
    Optional<Role> roleOf(String userId) {
        return logins.role(userId);
    }

    /** {@code POST /people/{id}/invite} (admins): a one-time link to choose a password, shown on the page that answers. */
    void invite(Context ctx) {
        WebSession session = auth.requireForChange(ctx);
        auth.requireRole(session, Role.ADMIN);
        User user = user(ctx.pathParam("id"));
        Role role = role(ctx.formParam("role"));
        WebInvites.Issued issued = invites.create(user.id(), role, session.principal().actor().toString());
        String base = publicUrl.get();
        Map<String, Object> model = new HashMap<>();
        model.put("page", frames.page(ctx, session, "Invitation for " + name(user), "people"));
        model.put("user", user);
        model.put("link", (base == null ? "" : base) + "/invite/" + issued.secret());
        model.put("invite", issued.invite());
        model.put("zone", new Names(organisation.get(), session.userId()).viewerZone());
        ctx.header("Cache-Control", "no-store");
        ctx.status(201).render("invited.jte", model);
    }

    /** {@code POST /people/{id}/sign-in} (admins): {@code role=…} changes the role, {@code remove=1} takes sign-in away. */
    void changeSignIn(Context ctx) {
        WebSession session = auth.requireForChange(ctx);
        auth.requireRole(session, Role.ADMIN);
        User user = user(ctx.pathParam("id"));
        if (ctx.formParam("remove") != null) {
            if (!logins.remove(user.id())) throw Refusal.notFound("web sign-in of " + user.id());
            Flash.leave(ctx, name(user) + " can no longer sign in to the web UI; their sessions have ended.");
        } else {
            Role role = role(ctx.formParam("role"));
            logins.setRole(user.id(), role);
            Flash.leave(ctx, name(user) + " now signs in as " + role.wireName() + " (their open sessions have ended).");
        }
        ctx.redirect("/people/" + user.id() + "#sign-in", HttpStatus.SEE_OTHER);
    }

    /**
     * One's own password, with the current one ({@code POST /people/{id}/password}, through {@link PeoplePages});
     * the other sessions end, this one goes on with a new cookie. Returns what is wrong with the form, if anything.
     */
    Optional<String> changeOwnPassword(Context ctx, WebSession session) {
        String current = ctx.formParam("current");
        if (current == null || current.isEmpty() || logins.check(session.userId(), current).isEmpty()) {
            return Optional.of("current password: that is not your current password");
        }
        Optional<String> problem = checkedChoice(ctx.formParam("password"), ctx.formParam("password_again"));
        if (problem.isPresent()) return Optional.of("new password: " + problem.get());
        Role role = logins.role(session.userId()).orElse(session.role());
        logins.setPassword(session.userId(), ctx.formParam("password"), role);
        auth.startSession(ctx, sessions.open(session.userId(), role).secret());
        Flash.leave(ctx, "Your password is changed; every other session of yours has ended.");
        ctx.redirect("/people/" + session.userId() + "#sign-in", HttpStatus.SEE_OTHER);
        return Optional.empty();
    }

    /** {@code GET /invite/{secret}}: the form to choose a password, or why the link no longer works. */
    void inviteForm(Context ctx) {
        ctx.header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer");
        Optional<WebInvites.Invite> invite = invites.find(ctx.pathParam("secret"));
        if (invite.isEmpty()) {
            frames.message(ctx, null, 404, "Invitation not valid", "This invitation was used already, replaced by a newer "
                    + "one, or is older than " + WebInvites.LIFETIME.toDays() + " days. Ask an admin for a new one.");
            return;
        }
        renderInvite(ctx, invite.get(), null, 200);
    }

    /** {@code POST /invite/{secret}}: sets the password, signs the person in and opens the incidents. */
    void acceptInvite(Context ctx) {
        ctx.header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer");
        String secret = ctx.pathParam("secret");
        Optional<WebInvites.Invite> invite = invites.find(secret);
        if (invite.isEmpty()) {
            inviteForm(ctx);
            return;
        }
        Optional<String> problem = checkedChoice(ctx.formParam("password"), ctx.formParam("password_again"));
        if (problem.isPresent()) {
            renderInvite(ctx, invite.get(), problem.get(), 400);
            return;
        }
        WebInvites.Invite used = invites.redeem(secret, ctx.formParam("password"));
        WebSessions.Opened opened = sessions.open(used.userId(), used.role());
        auth.startSession(ctx, opened.secret());
        Flash.leave(ctx, "Welcome, " + name(user(used.userId())) + ": you are signed in.");
        ctx.redirect("/incidents", HttpStatus.SEE_OTHER);
    }

    private void renderInvite(Context ctx, WebInvites.Invite invite, String problem, int status) {
        Map<String, Object> model = new HashMap<>();
        model.put("page", frames.page(ctx, null, "Choose your password", ""));
        model.put("name", name(user(invite.userId())));
        model.put("email", user(invite.userId()).email());
        model.put("role", invite.role().wireName());
        model.put("problem", problem);
        model.put("minimum", Passwords.MIN_LENGTH);
        ctx.status(status).render("invite.jte", model);
    }

    /** What is wrong with a chosen password typed twice, if anything. */
    private static Optional<String> checkedChoice(String chosen, String again) {
        if (chosen == null || chosen.isEmpty()) return Optional.of("choose a password");
        if (!chosen.equals(again)) return Optional.of("the two passwords differ");
        return Passwords.problem(chosen);
    }

    private static Role role(String wireName) {
        return Role.fromWireName(String.valueOf(wireName)).orElseThrow(() -> Refusal.invalid("role: one of observer, responder, admin"));
    }

    private User user(String id) {
        return organisation.get().user(id).orElseThrow(() -> Refusal.notFound("person '" + id + "'"));
    }

    private static String name(User user) {
        return user.name() == null || user.name().isBlank() ? user.id() : user.name();
    }
}
