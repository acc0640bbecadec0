package dev.tocsin.web;

import dev.tocsin.auth.Role;
import dev.tocsin.followup.FollowUp;
import dev.tocsin.followup.FollowUps;
import dev.tocsin.login.WebSession;
import dev.tocsin.refusal.Refusal;
import dev.tocsin.report.NoisyAlerts;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/** The noisy-alerts report and the follow-ups raised from it ("make this a ticket"). */
final class NoisePages {
    private final NoisyAlerts noisy;
    private final FollowUps followUps;
    private final Supplier<dev.tocsin.config.Organisation> organisation;
    private final WebAuth auth;
    private final Frames frames;
    private final Clock clock;

    NoisePages(NoisyAlerts noisy, FollowUps followUps, Supplier<dev.tocsin.config.Organisation> organisation, WebAuth auth,
               Frames frames, Clock clock) {
        this.noisy = noisy;
        this.followUps = followUps;
        this.organisation = organisation;
        this.auth = auth;
        this.frames = frames;
        this.clock = clock;
    }

    /** {@code GET /reports/noisy?days=7|30}. */
    void report(Context ctx) {
        WebSession session = auth.require(ctx);
        int days = "30".equals(ctx.queryParam("days")) ? 30 : 7;
        Map<String, Object> model = new HashMap<>();
        model.put("page", frames.page(ctx, session, "Noisy alerts", "incidents"));
        model.put("report", noisy.report(days, NoisyAlerts.DEFAULT_LIMIT, clock.instant()));
        model.put("followUps", followUps.list(true, 100));
        model.put("names", new Names(organisation.get(), session.userId()));
        ctx.render("noisy.jte", model);
    }

    /** {@code POST /reports/noisy/follow-ups}: {@code incident} (of the alert), optional {@code title}. */
    void createFollowUp(Context ctx) {
        WebSession session = auth.requireForChange(ctx);
        auth.requireRole(session, Role.RESPONDER);
        long incident;
        try {
            incident = Long.parseLong(String.valueOf(ctx.formParam("incident")).trim());
        } catch (NumberFormatException e) {
            throw Refusal.invalid("incident: the number of an incident of the alert");
        }
        FollowUp followUp = followUps.create(incident, ctx.formParam("title"), session.principal().actor());
        Flash.leave(ctx, "Follow-up " + followUp.id() + ": " + followUp.title());
        ctx.redirect("/reports/noisy#follow-ups", HttpStatus.SEE_OTHER);
    }

    /** {@code POST /reports/noisy/follow-ups/{id}/close}. */
    void closeFollowUp(Context ctx) {
        WebSession session = auth.requireForChange(ctx);
        auth.requireRole(session, Role.RESPONDER);
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw Refusal.notFound("follow-up '" + ctx.pathParam("id") + "'");
        }
        FollowUp closed = followUps.close(id, session.principal().actor());
        Flash.leave(ctx, "Follow-up " + closed.id() + " closed.");
        ctx.redirect("/reports/noisy#follow-ups", HttpStatus.SEE_OTHER);
    }
}
