package dev.tocsin.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tocsin.config.ApplyResult;
import dev.tocsin.config.Kind;
import dev.tocsin.config.Organisation;
import dev.tocsin.login.WebSession;
import dev.tocsin.paging.TestPages;
import dev.tocsin.refusal.Refusal;
import dev.tocsin.urgency.Urgency;
import dev.tocsin.user.User;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * People: everyone's profile, contact methods (add, remove, verify, send a test page) and notification rules per
 * urgency. Changes go through the configuration ({@link ConfigEdits}: the same user object {@code tocsin apply}
 * manages); test pages and codes through the same {@link TestPages} as the API. A person changes their own
 * settings; admins change anyone's.
 */
final class PeoplePages {
    private final Supplier<Organisation> organisation;
    private final ConfigEdits edits;
    private final TestPages tests;
    private final SignInPages signIns;
    private final WebAuth auth;
    private final Frames frames;

    PeoplePages(Supplier<Organisation> organisation, ConfigEdits edits, TestPages tests, SignInPages signIns,
                WebAuth auth, Frames frames) {
        this.organisation = organisation;
        this.edits = edits;
        this.tests = tests;
        this.signIns = signIns;
        this.auth = auth;
        this.frames = frames;
    }

    /** {@code GET /people}: everyone, and every team. */
    void list(Context ctx) {
        WebSession session = auth.require(ctx);
        Map<String, Object> model = new HashMap<>();
        model.put("page", frames.page(ctx, session, "People and teams", "people"));
        model.put("organisation", organisation.get());
        ctx.render("people.jte", model);
    }

    /** {@code GET /people/{id}}; {@code ?verify=METHOD} opens the code field of that contact method. */
    void show(Context ctx) {
        WebSession session = auth.require(ctx);
        User user = user(ctx);
        render(ctx, session, PersonView.Form.of(user, ctx.queryParam("verify")), 200);
    }

    /** {@code POST /people/{id}/profile}: name, time zone, working hours; the email only by an admin. */
    void saveProfile(Context ctx) {
        WebSession session = auth.requireForChange(ctx);
        User user = user(ctx);
        auth.requireSelfOrAdmin(session, user.id());
        ObjectNode body = edits.read(Kind.USER, user.id());
        PersonView.Form form = PersonView.Form.of(user, null);
        form.profile.put("name", text(ctx, "name"));
        form.profile.put("timezone", text(ctx, "timezone"));
        form.profile.put("working_hours", text(ctx, "working_hours"));
        if (session.role().includes(dev.tocsin.auth.Role.ADMIN)) form.profile.put("email", text(ctx, "email"));
        for (String field : List.of("name", "email", "timezone", "working_hours")) {
            String value = form.profile.get(field);
            if (value == null || value.isBlank()) {
                if (field.equals("name")) {
                    form.problems.put("name", List.of("a name is required"));
                } else {
                    body.remove(field);
                }
            } else {
                body.put(field, value.strip());
            }
        }
        save(ctx, session, user, body, form, "profile", "Profile of " + displayName(body, user) + " saved");
    }

    /** {@code POST /people/{id}/contact-methods}: adds one (type, id, and the address its type needs). */
    void addContactMethod(Context ctx) {
        WebSession session = auth.requireForChange(ctx);
        User user = user(ctx);
        auth.requireSelfOrAdmin(session, user.id());
        PersonView.Form form = PersonView.Form.of(user, null);
        String type = text(ctx, "type");
        String id = text(ctx, "id");
        String address = text(ctx, "address");
        form.added.put("type", type);
        form.added.put("id", id);
        form.added.put("address", address);
        ObjectNode body = edits.read(Kind.USER, user.id());
        ArrayNode methods = body.has("contact_methods") && body.get("contact_methods").isArray()
                ? (ArrayNode) body.get("contact_methods") : body.putArray("contact_methods");
        String field = PersonView.addressField(type);
        if (type == null || field == null) {
            form.problems.put("add", List.of("type: choose one of " + String.join(", ", PersonView.TYPES)));
        } else if (id == null || id.isBlank()) {
            form.problems.put("add", List.of("id: give the contact method a name, e.g. " + user.id() + "-" + type));
        } else if (!field.isEmpty() && (address == null || address.isBlank())) {
            form.problems.put("add", List.of(PersonView.addressLabel(type) + " is required"));
        }
        if (form.problems.isEmpty()) {
            ObjectNode method = methods.addObject();
            method.put("id", id.strip());
            method.put("type", type);
            if (!field.isEmpty()) method.put(field, address.strip());
        }
        save(ctx, session, user, body, form, "add", "Contact method " + id + " added; send a test page to try it");
    }

    /** {@code POST /people/{id}/contact-methods/{method}/{action}}: test-page, send-code, confirm-code or remove. */
    void contactMethodAction(Context ctx) {
        WebSession session = auth.requireForChange(ctx);
        User user = user(ctx);
        auth.requireSelfOrAdmin(session, user.id());
        String method = ctx.pathParam("method");
        if (user.contactMethod(method).isEmpty()) throw Refusal.notFound("contact method '" + method + "' of " + user.id());
        String back = "/people/" + user.id();
        String action = ctx.pathParam("action");
        if (action.equals("remove")) {
            ObjectNode body = edits.read(Kind.USER, user.id());
            JsonNode methods = body.get("contact_methods");
            if (methods instanceof ArrayNode array) {
                for (int i = array.size() - 1; i >= 0; i--) {
                    if (method.equals(array.get(i).path("id").asText())) array.remove(i);
                }
                if (array.isEmpty()) body.remove("contact_methods");
            }
            save(ctx, session, user, body, PersonView.Form.of(user, null), "method-" + method, "Contact method " + method + " removed");
            return;
        }
        if (!List.of("test-page", "send-code", "confirm-code").contains(action)) throw Refusal.notFound("action '" + action + "'");
        try {
            switch (action) {
                case "test-page" -> {
                    long notification = tests.testPage(user.id(), method, session.principal().actor());
                    Flash.leave(ctx, "Test page " + notification + " sent to " + method + "; its delivery shows in the notification outbox.");
                    ctx.redirect(back + "#method-" + method, HttpStatus.SEE_OTHER);
                }
                case "send-code" -> {
                    tests.sendCode(user.id(), method);
                    Flash.leave(ctx, "A code was sent to " + method + ". It is valid for " + TestPages.CODE_VALIDITY.toMinutes()
                            + " minutes: enter it below.");
                    ctx.redirect(back + "?verify=" + java.net.URLEncoder.encode(method, java.nio.charset.StandardCharsets.UTF_8)
                            + "#method-" + method, HttpStatus.SEE_OTHER);
                }
                case "confirm-code" -> {
                    String code = text(ctx, "code");
                    if (code == null || code.isBlank()) throw Refusal.invalid("code: enter the code that was sent to " + method);
                    tests.confirm(user.id(), method, code);
                    Flash.leave(ctx, method + " is verified.");
                    ctx.redirect(back + "#method-" + method, HttpStatus.SEE_OTHER);
                }
                default -> throw new IllegalStateException(action);
            }
        } catch (Refusal refusal) {
            PersonView.Form form = PersonView.Form.of(user, action.equals("confirm-code") ? method : null);
            form.problems.put("method-" + method, List.of(refusal.getMessage()));
            render(ctx, session, form, WebRoutes.status(refusal));
        }
    }

    /**
     * {@code POST /people/{id}/rules}: the steps of both urgencies as the form lists them ({@code high_after_0},
     * {@code high_via_0}, {@code high_repeat_0}, {@code high_remove_0}, …); a row without a contact method is skipped.
     */
    void saveRules(Context ctx) {
        WebSession session = auth.requireForChange(ctx);
        User user = user(ctx);
        auth.requireSelfOrAdmin(session, user.id());
        ObjectNode body = edits.read(Kind.USER, user.id());
        PersonView.Form form = PersonView.Form.of(user, null);
        ObjectNode rules = dev.tocsin.json.Json.mapper().createObjectNode();
        Map<String, Integer> rowOfStep = new LinkedHashMap<>();
        for (Urgency urgency : Urgency.values()) {
            String prefix = urgency.wireName();
            List<PersonView.RuleRow> rows = new ArrayList<>();
            ArrayNode steps = rules.putArray(prefix);
            for (int row = 0; ctx.formParam(prefix + "_via_" + row) != null; row++) {
                String after = text(ctx, prefix + "_after_" + row);
                String via = text(ctx, prefix + "_via_" + row);
                String repeat = text(ctx, prefix + "_repeat_" + row);
                boolean remove = ctx.formParam(prefix + "_remove_" + row) != null;
                if (via == null || via.isBlank()) continue;   // the empty row for a new step, left empty
                rows.add(new PersonView.RuleRow(after, via, repeat));
                if (remove) continue;
                ObjectNode step = steps.addObject();
                step.put("after", after == null || after.isBlank() ? "0m" : after.strip());
                step.put("via", via);
                if (repeat != null && !repeat.isBlank()) step.put("repeat_every", repeat.strip());
                rowOfStep.put(prefix + "[" + (steps.size() - 1) + "]", rows.size() - 1);
            }
            form.rules.put(urgency, rows);
        }
        body.set("notification_rules", rules);
        try {
            ApplyResult result = edits.write(session, Kind.USER, user.id(), body, false);
            Flash.leave(ctx, "Notification rules of " + displayName(body, user) + " saved (revision " + result.revision() + ")");
            ctx.redirect("/people/" + user.id() + "#rules", HttpStatus.SEE_OTHER);
        } catch (Refusal refusal) {
            if (refusal.kind() != Refusal.Kind.INVALID) throw refusal;
            List<String> unplaced = new ArrayList<>(refusal.details().isEmpty() ? List.of(refusal.getMessage()) : refusal.details());
            for (var step : rowOfStep.entrySet()) {
                String path = "notification_rules." + step.getKey() + ".";
                List<String> found = ConfigEdits.problemsAt(refusal, path);
                if (found.isEmpty()) continue;
                String urgency = step.getKey().substring(0, step.getKey().indexOf('['));
                form.problems.put("rule-" + urgency + "-row-" + step.getValue(), found);
                unplaced.removeIf(line -> line.contains(path));
            }
            form.problems.put("rules", unplaced.isEmpty() ? List.of("Not saved: the problems are shown next to the steps above.") : unplaced);
            render(ctx, session, form, 400);
        }
    }

    /** {@code POST /people/{id}/password}: one's own password; a problem is shown next to the form. */
    void changePassword(Context ctx) {
        WebSession session = auth.requireForChange(ctx);
        User user = user(ctx);
        if (!session.userId().equals(user.id())) throw Refusal.forbidden("only " + user.id() + " may change their own password");
        signIns.changeOwnPassword(ctx, session).ifPresent(problem -> {
            PersonView.Form form = PersonView.Form.of(user, null);
            form.problems.put("password", List.of(problem));
            render(ctx, session, form, 400);
        });
    }

    private void save(Context ctx, WebSession session, User user, ObjectNode body, PersonView.Form form, String section, String done) {
        if (!form.problems.isEmpty()) {
            render(ctx, session, form, 400);
            return;
        }
        try {
            ApplyResult result = edits.write(session, Kind.USER, user.id(), body, false);
            Flash.leave(ctx, done + " (revision " + result.revision() + ").");
            ctx.redirect("/people/" + user.id(), HttpStatus.SEE_OTHER);
        } catch (Refusal refusal) {
            if (refusal.kind() != Refusal.Kind.INVALID) throw refusal;
            form.problems.put(section, refusal.details().isEmpty() ? List.of(refusal.getMessage()) : refusal.details());
            render(ctx, session, form, 400);
        }
    }

    private void render(Context ctx, WebSession session, PersonView.Form form, int status) {
        User user = user(ctx);
        Organisation org = organisation.get();
        Map<String, Object> model = new HashMap<>();
        model.put("page", frames.page(ctx, session, user.name() == null ? user.id() : user.name(), "people"));
        model.put("view", new PersonView(user, form, verifiedAt(user), WebAuth.selfOrAdmin(session, user.id()),
                session.role().includes(dev.tocsin.auth.Role.ADMIN), session.userId().equals(user.id()),
                org.document().teams().stream().filter(team -> team.members().stream().anyMatch(m -> m.user().equals(user.id()))).toList(),
                signIns.roleOf(user.id()), edits.overwriteWarning(), new Names(org, session.userId())));
        ctx.status(status).render("person.jte", model);
    }

    private Map<String, Object> verifiedAt(User user) {
        Map<String, Object> verified = new HashMap<>();
        for (Map<String, Object> method : tests.contactMethods(user.id())) {
            if (method.get("verified_at") != null) verified.put((String) method.get("id"), method.get("verified_at"));
        }
        return verified;
    }

    private User user(Context ctx) {
        String id = ctx.pathParam("id");
        return organisation.get().user(id).orElseThrow(() -> Refusal.notFound("person '" + id + "'"));
    }

    private static String text(Context ctx, String field) {
        String value = ctx.formParam(field);
        if (value != null && value.length() > 500) throw Refusal.invalid(field + ": at most 500 characters");
        return value;
    }

    private static String displayName(ObjectNode body, User user) {
        return body.path("name").asText(user.id());
    }
}
