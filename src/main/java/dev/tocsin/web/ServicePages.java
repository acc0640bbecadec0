package dev.tocsin.web;

import dev.tocsin.auth.Role;
import dev.tocsin.config.Organisation;
import dev.tocsin.incident.AlertAction;
import dev.tocsin.incident.AlertEvent;
import dev.tocsin.incident.AlertIntake;
import dev.tocsin.incident.AlertOutcome;
import dev.tocsin.login.WebSession;
import dev.tocsin.refusal.Refusal;
import dev.tocsin.service.Integration;
import dev.tocsin.service.Service;
import dev.tocsin.urgency.Severity;
import io.javalin.http.Context;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The services: what each one is, where its alerts come in (endpoint URLs, keys, ready-made snippets for
 * Alertmanager and Grafana), and a button that sends a test alert through the same intake as a real sender.
 */
final class ServicePages {
    private final Supplier<Organisation> organisation;
    private final AlertIntake intake;
    private final Supplier<String> publicUrl;
    private final WebAuth auth;
    private final Frames frames;
    private final Clock clock;
    private final dev.tocsin.maintenance.MaintenanceWindows maintenance;
    private final dev.tocsin.view.IncidentQueries queries;
    /** Suppressed alerts a service page lists. */
    static final int SUPPRESSED_SHOWN = 20;

    ServicePages(Supplier<Organisation> organisation, AlertIntake intake, Supplier<String> publicUrl, WebAuth auth,
                 Frames frames, Clock clock, dev.tocsin.view.IncidentQueries queries,
                 dev.tocsin.maintenance.MaintenanceWindows maintenance) {
        this.maintenance = maintenance;
        this.queries = queries;
        this.organisation = organisation;
        this.intake = intake;
        this.publicUrl = publicUrl;
        this.auth = auth;
        this.frames = frames;
        this.clock = clock;
    }

    void list(Context ctx) {
        WebSession session = auth.require(ctx);
        Map<String, Object> model = new HashMap<>();
        model.put("page", frames.page(ctx, session, "Services", "services"));
        model.put("view", new ServiceListView(organisation.get()));
        ctx.render("services.jte", model);
    }

    void show(Context ctx) {
        WebSession session = auth.require(ctx);
        Service service = service(ctx);
        render(ctx, session, service, null, 200);
    }

    private void render(Context ctx, WebSession session, Service service, String error, int status) {
        Map<String, Object> model = new HashMap<>();
        model.put("page", frames.page(ctx, session, service.name(), "services", error));
        model.put("view", new ServiceView(service, organisation.get(), publicUrl.get(), session.role().includes(Role.RESPONDER),
                queries.suppressed(service.id(), SUPPRESSED_SHOWN)));
        Instant now = clock.instant();
        model.put("windows", maintenance.list(now).stream().filter(window -> service.id().equals(window.serviceId())
                || (window.teamId() != null && window.teamId().equals(service.team()))).toList());
        model.put("now", now);
        model.put("zone", new Names(organisation.get(), session.userId()).viewerZone());
        ctx.status(status).render("service.jte", model);
    }

    /** {@code POST /services/{id}/test-alert}: a critical test alert on the service, then its incident's page. */
    void testAlert(Context ctx) {
        WebSession session = auth.requireForChange(ctx);
        Service service = service(ctx);
        auth.requireRole(session, Role.RESPONDER);
        if (service.integrations().isEmpty()) {
            render(ctx, session, service, "This service has no integration to send a test alert through; add one to "
                    + "its configuration first.", 409);
            return;
        }
        Integration integration = service.integrations().get(0);
        String who = new Names(organisation.get(), session.userId()).name(session.userId());
        AlertEvent event = new AlertEvent(integration.key(), integration.type().wireName(), AlertAction.TRIGGER,
                "web-test-" + UUID.randomUUID(), "Test alert from the web UI, sent by " + who, Severity.CRITICAL, "critical",
                "tocsin web UI", null, null, null, clock.instant(), null, List.of(), null);
        AlertOutcome outcome;
        try {
            outcome = intake.submit(List.of(event)).join().get(0);
        } catch (CompletionException e) {
            throw Refusal.unavailable("the test alert could not be stored: " + e.getCause().getMessage());
        }
        Flash.leave(ctx, "Test alert sent on " + service.name() + ": it opened incident #" + outcome.incidentId()
                + " and pages whoever its escalation policy names.");
        ctx.redirect("/incidents/" + outcome.incidentId(), io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private Service service(Context ctx) {
        String id = ctx.pathParam("id");
        return organisation.get().service(id).orElseThrow(() -> Refusal.notFound("service '" + id + "'"));
    }

    /**
     * {@code POST /services/{id}/maintenance}: a window starting now for {@code for} (a duration), with an optional
     * reason, through the same service as {@code POST /api/v1/maintenance} and {@code tocsin maint}.
     */
    void startMaintenance(Context ctx) {
        WebSession session = auth.requireForChange(ctx);
        Service service = service(ctx);
        auth.requireRole(session, Role.RESPONDER);
        java.time.Duration length;
        try {
            length = dev.tocsin.time.Durations.parse(String.valueOf(ctx.formParam("for")).strip());
        } catch (RuntimeException e) {
            render(ctx, session, service, "for: '" + ctx.formParam("for") + "' is not a duration like 30m or 2h", 400);
            return;
        }
        Instant now = clock.instant();
        String reason = ctx.formParam("reason");
        try {
            var window = maintenance.create(new dev.tocsin.maintenance.MaintenanceWindows.Request(service.id(), null, now,
                    now.plus(length), reason == null || reason.isBlank() ? null : reason.strip()), session.principal().actor(), now);
            Flash.leave(ctx, "Maintenance window " + window.id() + " on " + service.name() + " until "
                    + Show.time(window.to(), new Names(organisation.get(), session.userId()).viewerZone())
                    + ": nobody is paged for this service until then.");
            ctx.redirect("/services/" + service.id() + "#maintenance", io.javalin.http.HttpStatus.SEE_OTHER);
        } catch (dev.tocsin.refusal.Refusal refusal) {
            if (refusal.kind() != dev.tocsin.refusal.Refusal.Kind.INVALID) throw refusal;
            render(ctx, session, service, refusal.getMessage(), 400);
        }
    }

    /** {@code POST /services/{id}/maintenance/{window}/end}: ends a window now; what it held pages if still firing. */
    void endMaintenance(Context ctx) {
        WebSession session = auth.requireForChange(ctx);
        Service service = service(ctx);
        auth.requireRole(session, Role.RESPONDER);
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("window"));
        } catch (NumberFormatException e) {
            throw dev.tocsin.refusal.Refusal.notFound("maintenance window '" + ctx.pathParam("window") + "'");
        }
        maintenance.end(id, session.principal().actor(), clock.instant());
        Flash.leave(ctx, "Maintenance window " + id + " ended: alerts still firing page now.");
        ctx.redirect("/services/" + service.id() + "#maintenance", io.javalin.http.HttpStatus.SEE_OTHER);
    }
}
