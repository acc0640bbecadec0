package dev.tocsin.web;

import dev.tocsin.auth.IssuedToken;
import dev.tocsin.auth.Role;
import dev.tocsin.auth.TokenStore;
import dev.tocsin.login.WebSession;
import dev.tocsin.oncall.OnCallService;
import dev.tocsin.refusal.Refusal;
import dev.tocsin.view.IncidentQueries;
import io.javalin.http.Context;

import dev.tocsin.config.Kind;

import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;

/** The settings admins see: API tokens and the notification outbox. ("My on-call" is {@link MyOnCallPages}.) */
final class SettingsPages {
    private final OnCallService onCall;
    private final IncidentQueries queries;
    private final TokenStore tokens;
    private final ConfigEdits edits;
    private final ProviderSettings providers;
    private final WebAuth auth;
    private final Frames frames;

    SettingsPages(OnCallService onCall, IncidentQueries queries, TokenStore tokens, ConfigEdits edits, WebAuth auth, Frames frames) {
        this.onCall = onCall;
        this.queries = queries;
        this.tokens = tokens;
        this.edits = edits;
        this.providers = new ProviderSettings(edits);
        this.auth = auth;
        this.frames = frames;
    }

    /** {@code GET /settings} (admins): API tokens, providers and the latest notifications with their delivery state. */
    void show(Context ctx) {
        WebSession session = auth.require(ctx);
        auth.requireRole(session, Role.ADMIN);
        renderSettings(ctx, session, null, 200);
    }

    private void renderSettings(Context ctx, WebSession session, IssuedToken issued, int status) {
        renderSettings(ctx, session, issued, Optional.empty(), status);
    }

    private void renderSettings(Context ctx, WebSession session, IssuedToken issued, Optional<ProviderSettings.Refused> refused,
                                int status) {
        Map<String, Object> model = new HashMap<>();
        model.put("page", frames.page(ctx, session, "Settings", "settings"));
        model.put("view", new SettingsView(tokens.list(), queries.notifications(null, null, 50), issued,
                new Names(onCall.organisation(), session.userId()), onCall.organisation().document().users(),
                providers.providers(refused), edits.overwriteWarning()));
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

    /**
     * {@code POST /settings/providers/{name}}: the provider's settings as YAML (its {@code providers:} entry), created
     * or replaced; {@code ***} keeps a stored secret. A refused form comes back with the reasons next to it.
     */
    void saveProvider(Context ctx) {
        WebSession session = auth.requireForChange(ctx);
        auth.requireRole(session, Role.ADMIN);
        String name = providerName(ctx);
        String yaml = ctx.formParam("yaml");
        if (yaml != null && yaml.length() > 20_000) throw Refusal.invalid("settings: at most 20,000 characters");
        try {
            var result = edits.write(session, Kind.PROVIDER, name, ProviderSettings.parse(yaml), false);
            Flash.leave(ctx, "Provider " + name + " saved (revision " + result.revision() + ").");
            ctx.redirect("/settings#provider-" + name, io.javalin.http.HttpStatus.SEE_OTHER);
        } catch (Refusal refusal) {
            if (refusal.kind() != Refusal.Kind.INVALID) throw refusal;
            List<String> problems = refusal.details().isEmpty() ? List.of(refusal.getMessage()) : refusal.details();
            renderSettings(ctx, session, null, Optional.of(new ProviderSettings.Refused(name, yaml == null ? "" : yaml, problems)), 400);
        }
    }

    /** {@code POST /settings/providers/{name}/remove}: the provider is no longer configured. */
    void removeProvider(Context ctx) {
        WebSession session = auth.requireForChange(ctx);
        auth.requireRole(session, Role.ADMIN);
        String name = providerName(ctx);
        var result = edits.remove(session, Kind.PROVIDER, name);
        Flash.leave(ctx, "Provider " + name + " removed (revision " + result.revision() + ").");
        ctx.redirect("/settings", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private static String providerName(Context ctx) {
        String name = ctx.pathParam("name");
        if (!dev.tocsin.config.ConfigService.providerNames().contains(name)) {
            throw Refusal.notFound("provider '" + name + "' (Tocsin knows " + String.join(", ", dev.tocsin.config.ConfigService.providerNames()) + ")");
        }
        return name;
    }
}
