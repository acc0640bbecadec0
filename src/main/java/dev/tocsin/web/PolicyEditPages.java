package dev.tocsin.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tocsin.auth.Role;
import dev.tocsin.config.ApplyResult;
import dev.tocsin.config.Kind;
import dev.tocsin.login.WebSession;
import dev.tocsin.oncall.OnCallService;
import dev.tocsin.refusal.Refusal;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Editing and creating escalation policies (admins): a plain form that works without JavaScript. Its level buttons
 * (add, remove, move) send the form back changed but unsaved; Save writes the policy through {@link ConfigEdits},
 * the same single-object edit as the API, so the configuration decides what is valid and the problems come back
 * next to their fields with everything as typed.
 */
final class PolicyEditPages {
    /** The form's own address; a policy cannot take this id, or its page would be the form. */
    static final String NEW = "new";

    private final OnCallService onCall;
    private final ConfigEdits edits;
    private final WebAuth auth;
    private final Frames frames;

    PolicyEditPages(OnCallService onCall, ConfigEdits edits, WebAuth auth, Frames frames) {
        this.onCall = onCall;
        this.edits = edits;
        this.auth = auth;
        this.frames = frames;
    }

    /** {@code GET /policies/{id}/edit}. */
    void editForm(Context ctx) {
        WebSession session = auth.require(ctx);
        auth.requireRole(session, Role.ADMIN);
        ObjectNode stored = edits.read(Kind.ESCALATION_POLICY, ctx.pathParam("id"));
        render(ctx, session, PolicyForm.of(stored), false, FormProblems.none(), null, 200);
    }

    /** {@code GET /policies/new}. */
    void newForm(Context ctx) {
        WebSession session = auth.require(ctx);
        auth.requireRole(session, Role.ADMIN);
        render(ctx, session, PolicyForm.blank(), true, FormProblems.none(), null, 200);
    }

    /** {@code POST /policies/{id}/edit}: a level button, or Save. */
    void save(Context ctx) {
        WebSession session = auth.requireForChange(ctx);
        auth.requireRole(session, Role.ADMIN);
        String id = ctx.pathParam("id");
        ObjectNode stored = edits.read(Kind.ESCALATION_POLICY, id);
        submit(ctx, session, PolicyForm.posted(id, ctx::formParams), stored, false);
    }

    /** {@code POST /policies/new}. */
    void create(Context ctx) {
        WebSession session = auth.requireForChange(ctx);
        auth.requireRole(session, Role.ADMIN);
        String id = ctx.formParam("id") == null ? "" : ctx.formParam("id").strip();
        PolicyForm form = PolicyForm.posted(id, ctx::formParams);
        if (isSave(ctx) && (id.isEmpty() || id.equals(NEW))) {
            String reason = id.isEmpty() ? "enter an id: letters, digits, '.', '_', '-' or '@'"
                    : "'new' is the address of this form; choose another id";
            Refusal refusal = Refusal.invalid("the policy needs another id", List.of(objectPath(id) + ".id: " + reason));
            render(ctx, session, form, true, FormProblems.of(refusal, objectPath(id)), notSaved("1 problem, shown next to the fields below"), 400);
            return;
        }
        submit(ctx, session, form, null, true);
    }

    private void submit(Context ctx, WebSession session, PolicyForm form, ObjectNode stored, boolean create) {
        if (!isSave(ctx)) {
            render(ctx, session, form.change(ctx.formParam("op")), create, FormProblems.none(), null, 200);
            return;
        }
        try {
            ApplyResult result = edits.write(session, Kind.ESCALATION_POLICY, form.id(), form.mergedInto(stored), create);
            String what = "Escalation policy " + form.id() + (result.changes().isEmpty() ? " unchanged" : " saved");
            Flash.leave(ctx, what + " (revision " + result.revision() + ").");
            ctx.redirect("/policies/" + form.id(), HttpStatus.SEE_OTHER);
        } catch (Refusal refusal) {
            if (refusal.kind() != Refusal.Kind.INVALID && refusal.kind() != Refusal.Kind.CONFLICT) throw refusal;
            FormProblems problems = FormProblems.of(refusal, objectPath(form.id()));
            int count = refusal.details().size();
            String message = refusal.kind() == Refusal.Kind.INVALID && count > 0
                    ? (count == 1 ? "1 problem" : count + " problems") + ", shown next to the fields below"
                    : refusal.getMessage();
            if (create && refusal.kind() == Refusal.Kind.CONFLICT && onCall.organisation().escalationPolicy(form.id()).isPresent()) {
                // said next to the id the person typed, in the page's words rather than the API's ("use PUT")
                message = "an escalation policy '" + form.id() + "' exists already; choose another id";
                problems = FormProblems.of(Refusal.invalid(message, List.of(objectPath(form.id()) + ".id: " + message)),
                        objectPath(form.id()));
            }
            render(ctx, session, form, create, problems, notSaved(message), WebRoutes.status(refusal));
        }
    }

    private static String notSaved(String why) {
        return "Not saved: " + why + ". Nothing was changed.";
    }

    private static boolean isSave(Context ctx) {
        String op = ctx.formParam("op");
        return op == null || op.isBlank() || "save".equals(op);
    }

    private static String objectPath(String id) {
        return Kind.ESCALATION_POLICY.section() + "[" + id + "]";
    }

    private void render(Context ctx, WebSession session, PolicyForm form, boolean create, FormProblems problems, String error,
                        int status) {
        PolicyEditView view = new PolicyEditView(form, create, PolicyEditView.options(onCall.organisation().document(), form),
                problems, edits.overwriteWarning());
        Map<String, Object> model = new HashMap<>();
        model.put("page", frames.page(ctx, session, view.title(), "policies", error));
        model.put("view", view);
        ctx.status(status).render("policyEdit.jte", model);
    }
}
