package dev.tocsin.web;

import dev.tocsin.auth.Role;
import dev.tocsin.escalation.EscalationPolicy;
import dev.tocsin.login.WebSession;
import dev.tocsin.oncall.OnCallService;
import dev.tocsin.refusal.Refusal;
import dev.tocsin.simulate.Simulation;
import dev.tocsin.urgency.Urgency;
import io.javalin.http.Context;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Escalation policies as configured, with a preview that runs the paging engine's own simulation from now: who would
 * be notified when and how if an alert arrived this minute and nobody acknowledged. Admins find the way to edit them
 * ({@link PolicyEditPages}) here, with what the next file apply would do to such an edit.
 */
final class PolicyPages {
    private final OnCallService onCall;
    private final Function<String, Map<Integer, Integer>> cursors;
    private final ConfigEdits edits;
    private final WebAuth auth;
    private final Frames frames;

    PolicyPages(OnCallService onCall, Function<String, Map<Integer, Integer>> cursors, ConfigEdits edits, WebAuth auth,
                Frames frames) {
        this.onCall = onCall;
        this.cursors = cursors;
        this.edits = edits;
        this.auth = auth;
        this.frames = frames;
    }

    void list(Context ctx) {
        WebSession session = auth.require(ctx);
        Map<String, Object> model = new HashMap<>();
        model.put("page", frames.page(ctx, session, "Escalation policies", "policies"));
        model.put("policies", onCall.organisation().document().escalationPolicies());
        ctx.render("policies.jte", model);
    }

    void show(Context ctx) {
        WebSession session = auth.require(ctx);
        String id = ctx.pathParam("id");
        EscalationPolicy policy = onCall.organisation().escalationPolicy(id)
                .orElseThrow(() -> Refusal.notFound("escalation policy '" + id + "'"));
        Urgency urgency = "low".equals(ctx.queryParam("urgency")) ? Urgency.LOW : Urgency.HIGH;
        Instant now = onCall.clock().instant();
        Simulation.Result preview = Simulation.run(policy, onCall.organisation()::user, onCall.targetResolver(), urgency, now,
                null, cursors.apply(policy.id()));
        Map<String, Object> model = new HashMap<>();
        model.put("page", frames.page(ctx, session, policy.name() == null ? policy.id() : policy.name(), "policies"));
        model.put("view", new PolicyView(policy, preview, urgency, now, new Names(onCall.organisation(), session.userId())));
        // only admins edit, so only they need to know what the next file apply does to an edit
        model.put("warning", session.role().includes(Role.ADMIN) ? edits.overwriteWarning() : Optional.<String>empty());
        ctx.render("policy.jte", model);
    }
}
