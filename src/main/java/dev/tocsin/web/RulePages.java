package dev.tocsin.web;

import dev.tocsin.config.Organisation;
import dev.tocsin.login.WebSession;
import dev.tocsin.refusal.Refusal;
import dev.tocsin.triage.RuleTestAnswer;
import dev.tocsin.triage.RuleTester;
import io.javalin.http.Context;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code /rules}: the event rules in force (each service's, then the top-level ones, in evaluation order) and the
 * rule tester, which reads a pasted event as its sender format and shows what the rules would make of it.
 */
final class RulePages {
    private final Supplier<Organisation> organisation;
    private final WebAuth auth;
    private final Frames frames;
    private final Clock clock;

    RulePages(Supplier<Organisation> organisation, WebAuth auth, Frames frames, Clock clock) {
        this.organisation = organisation;
        this.auth = auth;
        this.frames = frames;
        this.clock = clock;
    }

    void show(Context ctx) {
        WebSession session = auth.require(ctx);
        render(ctx, session, new RulesView.Form(null, "events-v2", ""), null, null, 200);
    }

    /** {@code POST /rules}: runs the tester on the form's event; changes nothing. */
    void test(Context ctx) {
        WebSession session = auth.requireForChange(ctx);
        RulesView.Form form = new RulesView.Form(ctx.formParam("service"), ctx.formParam("format"),
                ctx.formParam("event") == null ? "" : ctx.formParam("event"));
        try {
            List<RuleTester.Outcome> outcomes = RuleTester.test(organisation.get(), null, form.format(), form.service(),
                    form.event().getBytes(StandardCharsets.UTF_8), clock.instant());
            render(ctx, session, form, outcomes.stream().map(RuleTestAnswer::event).toList(), null, 200);
        } catch (Refusal refusal) {
            String details = refusal.details().isEmpty() ? "" : ": " + String.join("; ", refusal.details());
            render(ctx, session, form, null, refusal.getMessage() + details, 400);
        }
    }

    private void render(Context ctx, WebSession session, RulesView.Form form, List<Map<String, Object>> results,
                        String error, int status) {
        Map<String, Object> model = new HashMap<>();
        model.put("page", frames.page(ctx, session, "Event rules", "services", error));
        model.put("view", new RulesView(organisation.get(), form, results));
        ctx.status(status).render("rules.jte", model);
    }
}
