package dev.tocsin.web;

import dev.tocsin.calendar.FeedLinks;
import dev.tocsin.calendar.FeedTokens;
import dev.tocsin.config.ConfigService;
import dev.tocsin.followup.FollowUps;
import dev.tocsin.report.AlertHistory;
import dev.tocsin.report.NoisyAlerts;
import dev.tocsin.config.Organisation;
import dev.tocsin.override.CoverRequests;
import dev.tocsin.override.SwapRequests;
import dev.tocsin.paging.TestPages;
import dev.tocsin.events.IncidentEvents;
import dev.tocsin.auth.TokenStore;
import dev.tocsin.http.HttpServer;
import dev.tocsin.incident.AlertIntake;
import dev.tocsin.oncall.OnCallService;
import dev.tocsin.override.Overrides;
import dev.tocsin.http.Routes;
import dev.tocsin.login.LoginThrottle;
import dev.tocsin.login.WebInvites;
import dev.tocsin.login.OidcSignIn;
import dev.tocsin.login.WebLogins;
import dev.tocsin.login.WebSessions;
import dev.tocsin.refusal.Refusal;
import dev.tocsin.respond.ResponderActions;
import dev.tocsin.view.IncidentQueries;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.http.staticfiles.Location;

import java.time.Clock;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The web UI: server-rendered pages (JTE, precompiled) with htmx for partial updates and Server-Sent Events for live
 * ones. Every page is an adapter over the same read models and responder actions as the API.
 */
public final class WebRoutes implements Routes {
    /** The UI's paths: pages for browsers, not API endpoints (docs/web-ui.md describes them, not openapi.yaml). */
    public static final java.util.Set<String> PATHS = java.util.Set.of("/", "/login", "/login/oidc", "/login/oidc/callback", "/logout", "/incidents", "/incidents/rows",
            "/incidents/bulk", "/incidents/{number}", "/incidents/{number}/{action}", "/live", "/services", "/services/{id}",
            "/services/{id}/test-alert", "/schedules", "/schedules/{id}", "/schedules/{id}/take-pager",
            "/schedules/{id}/overrides", "/schedules/{id}/overrides/{override}/remove", "/schedules/{id}/cover-requests",
            "/schedules/{id}/swaps", "/schedules/{id}/calendar", "/me", "/me/calendar", "/me/cover-requests/{id}/{answer}",
            "/me/swaps/{id}/{answer}", "/settings", "/settings/tokens", "/settings/tokens/{id}/revoke",
            "/settings/providers/{name}", "/settings/providers/{name}/remove", "/policies", "/policies/{id}",
            "/people", "/people/{id}", "/people/{id}/profile", "/people/{id}/contact-methods",
            "/people/{id}/contact-methods/{method}/{action}", "/people/{id}/rules", "/people/{id}/password",
            "/people/{id}/invite", "/people/{id}/sign-in", "/invite/{secret}", "/teams", "/teams/{id}", "/teams/{id}/members",
            "/policies/new", "/policies/{id}/edit", "/reports/noisy", "/reports/noisy/follow-ups",
            "/reports/noisy/follow-ups/{id}/close",
            "/services/{id}/maintenance", "/services/{id}/maintenance/{window}/end", "/rules");

    private final WebAuth auth;
    private final Frames frames;
    private final LoginPages login;
    private final OidcPages oidc;
    private final IncidentPages incidents;
    private final ServicePages services;
    private final SchedulePages schedules;
    private final OverridePages overrides;
    private final MyOnCallPages myOnCall;
    private final SettingsPages settings;
    private final PolicyPages policies;
    private final PeoplePages people;
    private final TeamPages teams;
    private final SignInPages signIns;
    private final NoisePages noise;
    private final PolicyEditPages policyEdits;
    private final RulePages rules;
    private final LiveUpdates live = new LiveUpdates();
    private final IncidentQueries queries;

    /**
     * What the pages are adapters over: the same services the API routes use, handed over in one place
     * ({@code app.Tocsin}).
     */
    public record Parts(WebLogins logins, WebInvites invites, WebSessions sessions, IncidentQueries queries, ResponderActions responders,
                        AlertIntake intake, OnCallService onCall, Overrides overrides, CoverRequests covers,
                        SwapRequests swaps, ConfigService config, TestPages tests, FeedTokens feeds, IncidentEvents events,
                        TokenStore tokens, OidcSignIn oidc, AlertHistory history, NoisyAlerts noisy, FollowUps followUps,
                        Function<String, Map<Integer, Integer>> roundRobinCursors,
                        Supplier<String> publicUrl, boolean secureCookies, Clock clock,
                        dev.tocsin.respond.TriageActions triage, dev.tocsin.maintenance.MaintenanceWindows maintenance) {
    }

    public WebRoutes(Parts parts) {
        Supplier<Organisation> organisation = parts.config()::current;
        this.queries = parts.queries();
        this.auth = new WebAuth(parts.sessions(), parts.secureCookies());
        this.frames = new Frames(Assets.locate(), organisation);
        ConfigEdits edits = new ConfigEdits(parts.config(), auth);
        this.login = new LoginPages(parts.logins(), parts.sessions(), new LoginThrottle(), organisation, auth, frames,
                parts.oidc(), parts.clock());
        this.oidc = new OidcPages(parts.oidc(), parts.logins(), parts.sessions(), organisation, auth, login, parts.publicUrl(),
                parts.secureCookies());
        this.incidents = new IncidentPages(queries, parts.responders(), parts.triage(), organisation, auth, frames,
                parts.history(), parts.clock());
        this.services = new ServicePages(organisation, parts.intake(), parts.publicUrl(), auth, frames, parts.clock(),
                queries, parts.maintenance());
        this.rules = new RulePages(organisation, auth, frames, parts.clock());
        FeedLinks feeds = new FeedLinks(parts.feeds(), organisation, parts.publicUrl());
        this.schedules = new SchedulePages(parts.onCall(), parts.overrides(), feeds, auth, frames);
        this.overrides = new OverridePages(parts.onCall(), parts.overrides(), parts.covers(), parts.swaps(), schedules, auth);
        this.myOnCall = new MyOnCallPages(parts.onCall(), queries, parts.covers(), parts.swaps(), feeds, auth, frames);
        this.settings = new SettingsPages(parts.onCall(), queries, parts.tokens(), edits, auth, frames);
        this.policies = new PolicyPages(parts.onCall(), parts.roundRobinCursors(), edits, auth, frames);
        this.signIns = new SignInPages(organisation, parts.logins(), parts.invites(), parts.sessions(), parts.publicUrl(), auth, frames);
        this.people = new PeoplePages(organisation, edits, parts.tests(), signIns, auth, frames);
        this.teams = new TeamPages(organisation, edits, auth, frames);
        this.noise = new NoisePages(parts.noisy(), parts.followUps(), organisation, auth, frames, parts.clock());
        this.policyEdits = new PolicyEditPages(parts.onCall(), edits, auth, frames);
        parts.events().subscribe(live::on);
    }

    @Override
    public void configure(JavalinConfig config) {
        config.fileRenderer(new JteRenderer());
        config.staticFiles.enableWebjars();
        config.staticFiles.add(files -> {
            files.hostedPath = "/static";
            files.directory = "/web/static";
            files.location = Location.CLASSPATH;
        });
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.exception(WebAuth.SignInFirst.class, (e, ctx) -> {
            if (ctx.header("HX-Request") != null) {
                ctx.status(401).header("HX-Redirect", WebAuth.loginUrlFor(ctx));
            } else {
                ctx.redirect(WebAuth.loginUrlFor(ctx));
            }
        });
        routes.exception(WebAuth.ForgedRequest.class, (e, ctx) ->
                frames.message(ctx, auth.session(ctx).orElse(null), 403, "Refused", e.getMessage()));
        routes.get("/", ctx -> ctx.redirect(auth.session(ctx).isPresent() ? "/incidents" : "/login"));
        routes.get("/login", page(login::form));
        routes.post("/login", page(login::signIn));
        routes.get(OidcPages.START, page(oidc::start));
        routes.get(OidcPages.CALLBACK, page(oidc::callback));
        routes.post("/logout", page(login::signOut));
        routes.get("/incidents", page(incidents::list));
        routes.get("/incidents/rows", page(incidents::rows));
        routes.post("/incidents/bulk", page(incidents::bulk));
        routes.get("/incidents/{number}", page(incidents::show));
        routes.post("/incidents/{number}/{action}", page(incidents::act));
        routes.get("/services", page(services::list));
        routes.get("/services/{id}", page(services::show));
        routes.post("/services/{id}/test-alert", page(services::testAlert));
        routes.post("/services/{id}/maintenance", page(services::startMaintenance));
        routes.post("/services/{id}/maintenance/{window}/end", page(services::endMaintenance));
        routes.get("/rules", page(rules::show));
        routes.post("/rules", page(rules::test));
        routes.get("/schedules", page(schedules::list));
        routes.get("/schedules/{id}", page(schedules::show));
        routes.post("/schedules/{id}/take-pager", page(schedules::takePager));
        routes.post("/schedules/{id}/overrides", page(overrides::add));
        routes.post("/schedules/{id}/overrides/{override}/remove", page(overrides::remove));
        routes.post("/schedules/{id}/cover-requests", page(overrides::askForCover));
        routes.post("/schedules/{id}/swaps", page(overrides::proposeSwap));
        routes.post("/schedules/{id}/calendar", page(schedules::calendar));
        routes.get("/policies", page(policies::list));
        routes.get("/policies/new", page(policyEdits::newForm));   // before /policies/{id}, which would take "new" as an id
        routes.post("/policies/new", page(policyEdits::create));
        routes.get("/policies/{id}", page(policies::show));
        routes.get("/reports/noisy", page(noise::report));
        routes.post("/reports/noisy/follow-ups", page(noise::createFollowUp));
        routes.post("/reports/noisy/follow-ups/{id}/close", page(noise::closeFollowUp));
        routes.get("/people", page(people::list));
        routes.get("/people/{id}", page(people::show));
        routes.post("/people/{id}/profile", page(people::saveProfile));
        routes.post("/people/{id}/contact-methods", page(people::addContactMethod));
        routes.post("/people/{id}/contact-methods/{method}/{action}", page(people::contactMethodAction));
        routes.post("/people/{id}/rules", page(people::saveRules));
        routes.post("/people/{id}/password", page(people::changePassword));
        routes.post("/people/{id}/invite", page(signIns::invite));
        routes.post("/people/{id}/sign-in", page(signIns::changeSignIn));
        routes.get("/invite/{secret}", page(signIns::inviteForm));
        routes.post("/invite/{secret}", page(signIns::acceptInvite));
        routes.get("/teams", ctx -> ctx.redirect("/people#teams"));
        routes.get("/teams/{id}", page(teams::show));
        routes.post("/teams/{id}/members", page(teams::changeMember));
        routes.get("/policies/{id}/edit", page(policyEdits::editForm));
        routes.post("/policies/{id}/edit", page(policyEdits::save));
        routes.get("/me", page(myOnCall::me));
        routes.post("/me/calendar", page(myOnCall::calendar));
        routes.post("/me/cover-requests/{id}/{answer}", page(myOnCall::answerCover));
        routes.post("/me/swaps/{id}/{answer}", page(myOnCall::answerSwap));
        routes.get("/settings", page(settings::show));
        routes.post("/settings/tokens", page(settings::createToken));
        routes.post("/settings/tokens/{id}/revoke", page(settings::revokeToken));
        routes.post("/settings/providers/{name}", page(settings::saveProvider));
        routes.post("/settings/providers/{name}/remove", page(settings::removeProvider));
        routes.sse("/live", client -> {
            if (auth.session(client.ctx()).isEmpty()) {
                client.close();
                return;
            }
            String since = client.ctx().queryParam("since");
            live.add(client, () -> missed(since));
        });
    }

    /** A page handler whose refusals become a page that says why, never a JSON error or a 5xx. */
    private Handler page(Handler handler) {
        return ctx -> {
            try {
                handler.handle(ctx);
            } catch (Refusal refusal) {
                frames.message(ctx, auth.session(ctx).orElse(null), status(refusal), "Cannot do that", refusal.getMessage());
            }
        };
    }

    /** What changed after the change a page was read at (its {@code since}); nothing for a missing or bad value. */
    private java.util.List<Long> missed(String since) {
        if (since == null) return java.util.List.of();
        try {
            return queries.changedSince(Long.parseLong(since.trim()), 100);
        } catch (NumberFormatException e) {
            return java.util.List.of();
        }
    }

    static int status(Refusal refusal) {
        return HttpServer.status(refusal.kind());
    }
}
