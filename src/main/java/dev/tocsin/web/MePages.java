package dev.tocsin.web;

import dev.tocsin.auth.IssuedToken;
import dev.tocsin.auth.Role;
import dev.tocsin.auth.TokenStore;
import dev.tocsin.login.WebSession;
import dev.tocsin.oncall.OnCallService;
import dev.tocsin.refusal.Refusal;
import dev.tocsin.view.IncidentQueries;
import io.javalin.http.Context;

import java.util.HashMap;
import java.util.Map;

/** The settings admins see: API tokens and the notification outbox. ("My on-call" is {@link MyOnCallPages}.) */
final class MePages {
    private final OnCallService onCall;
    private final IncidentQueries queries;
    private final TokenStore tokens;
    private final WebAuth auth;
    private final Frames frames;

    MePages(OnCallService onCall, IncidentQueries queries, TokenStore tokens, WebAuth auth, Frames frames) {
        this.onCall = onCall;
        this.queries = queries;
        this.tokens = tokens;
        this.auth = auth;
        this.frames = frames;
    }

    /** {@code GET /settings} (admins): API tokens and the latest notifications with their delivery state. */
    void settings(Context ctx) {
        WebSession session = auth.require(ctx);
        auth.requireRole(session, Role.ADMIN);
        renderSettings(ctx, session, null, 200);
    }

    private void renderSettings(Context ctx, WebSession session, IssuedToken issued, int status) {
        Map<String, Object> model = new HashMap<>();
        model.put("page", frames.page(ctx, session, "Settings", "settings"));
        model.put("view", new SettingsView(tokens.list(), queries.notifications(null, null, 50), issued,
                new Names(onCall.organisation(), session.userId()), onCall.organisation().document().users()));
        ctx.header("Cache-Control", "no-store");
        ctx.status(status).render("settings.jte", model);
    }

    /** {@code POST /settings/tokens}: a new API token, shown once on the page that answers (never stored in clear). */
    void createToken(Context ctx) {
        WebSession session = auth.requireForChange(ctx);
        auth.requireRole(session, Role.ADMIN);
        String user = ctx.formParam("user");
        if (user == null || !onCall.organisation().hasUser(user)) throw Refusal.invalid("user: choose a configured user");
        Role role = Role.fromWireName(String.valueOf(ctx.formParam("role")))
                .orElseThrow(() -> Refusal.invalid("role: one of observer, responder, admin"));
        String label = ctx.formParam("label");
        if (label != null && label.length() > 200) throw Refusal.invalid("label: at most 200 characters");
        IssuedToken issued = tokens.create(user, role, label == null || label.isBlank() ? null : label.strip());
        renderSettings(ctx, session, issued, 201);
    }

    /** {@code POST /settings/tokens/{id}/revoke}. */
    void revokeToken(Context ctx) {
        WebSession session = auth.requireForChange(ctx);
        auth.requireRole(session, Role.ADMIN);
        String id = ctx.pathParam("id");
        if (!tokens.revoke(id)) throw Refusal.notFound("token '" + id + "' (or it was revoked already)");
        Flash.leave(ctx, "Token " + id + " revoked: it stops working on every node within seconds.");
        ctx.redirect("/settings", io.javalin.http.HttpStatus.SEE_OTHER);
    }
}
