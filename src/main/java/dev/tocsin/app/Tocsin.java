package dev.tocsin.app;

import dev.tocsin.maintenance.MaintenanceRoutes;
import dev.tocsin.maintenance.MaintenanceWindows;

import dev.tocsin.actionlink.ActionLinkRoutes;
import dev.tocsin.actionlink.ActionLinks;
import dev.tocsin.auth.TokenStore;
import dev.tocsin.calendar.CalendarImports;
import dev.tocsin.calendar.CalendarRoutes;
import dev.tocsin.calendar.ImportRoutes;
import dev.tocsin.calendar.FeedTokens;
import dev.tocsin.cluster.SharedStateRefresher;
import dev.tocsin.config.ConfigService;
import dev.tocsin.engine.TimerEngine;
import dev.tocsin.engine.TimerHandler;
import dev.tocsin.paging.AdminAlerts;
import dev.tocsin.paging.ManualEscalations;
import dev.tocsin.actionlink.LinkedPageActions;
import dev.tocsin.phone.TwilioWebhookRoutes;
import dev.tocsin.events.IncidentEvents;
import dev.tocsin.health.Vitals;
import dev.tocsin.incident.IncidentObserver;
import dev.tocsin.respond.ResponderActions;
import dev.tocsin.respond.ResponderRoutes;
import dev.tocsin.respond.TriageActions;
import dev.tocsin.respond.TriageRoutes;
import dev.tocsin.flag.Flags;
import dev.tocsin.handover.Handovers;
import dev.tocsin.incident.IncidentTriage;
import dev.tocsin.view.IncidentQueries;
import dev.tocsin.view.IncidentRoutes;
import dev.tocsin.paging.Paging;
import dev.tocsin.paging.ContactMethodRoutes;
import dev.tocsin.delivery.Senders;
import dev.tocsin.paging.TestPages;
import dev.tocsin.provider.ProviderHttp;
import dev.tocsin.heartbeat.HeartbeatCheck;
import dev.tocsin.heartbeat.HeartbeatRoutes;
import dev.tocsin.heartbeat.Heartbeats;
import dev.tocsin.http.Auth;
import dev.tocsin.http.HttpServer;
import dev.tocsin.http.OperationsRoutes;
import dev.tocsin.http.Routes;
import dev.tocsin.delivery.DeliveryStatuses;
import dev.tocsin.incident.AlertIntake;
import dev.tocsin.incident.IncidentStore;
import dev.tocsin.incident.Incidents;
import dev.tocsin.oncall.OnCallRoutes;
import dev.tocsin.oncall.OnCallService;
import dev.tocsin.handoff.HandoffJob;
import dev.tocsin.report.PageCounts;
import dev.tocsin.report.ReportRoutes;
import dev.tocsin.simulate.SimulateRoutes;
import dev.tocsin.override.CoverRequests;
import dev.tocsin.override.OverrideRoutes;
import dev.tocsin.override.Overrides;
import dev.tocsin.override.RequestExpiry;
import dev.tocsin.override.SwapRequests;
import dev.tocsin.ingest.IngestRoutes;
import dev.tocsin.notice.NoticeRoutes;
import dev.tocsin.notice.NoticeSender;
import dev.tocsin.notice.UnscheduledNotices;
import dev.tocsin.engine.Recurring;
import dev.tocsin.provider.console.ConsoleSender;
import dev.tocsin.provider.smtp.SmtpSender;
import dev.tocsin.store.Database;
import dev.tocsin.login.OidcSignIn;
import dev.tocsin.followup.FollowUpRoutes;
import dev.tocsin.followup.FollowUps;
import dev.tocsin.login.WebLogins;
import dev.tocsin.report.AlertHistory;
import dev.tocsin.report.NoiseRoutes;
import dev.tocsin.report.NoisyAlerts;
import dev.tocsin.login.WebInvites;
import dev.tocsin.login.WebSessions;
import dev.tocsin.trace.Actor;
import dev.tocsin.web.WebRoutes;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.time.Clock;
import java.util.List;

/**
 * The whole server, wired by hand from plain constructors, top to bottom: storage, configuration,
 * incidents, ingestion, HTTP. Production, tests and the demo all start Tocsin through here.
 */
public final class Tocsin implements AutoCloseable {
    private final Settings settings;
    private final PrometheusMeterRegistry metrics;
    private final Database database;
    private final TokenStore tokens;
    private final ConfigService config;
    private final AlertIntake intake;
    private final Incidents incidents;
    private final ActionLinks actionLinks;
    private final NoticeSender notices;
    private final OnCallService onCall;
    private final HandoffJob handoffs;
    private final RequestExpiry requestExpiry;
    /** Jobs run every so often, once across all nodes, as timers of the engine. */
    private final List<Recurring> recurring;
    private final TimerEngine timers;
    private final Paging paging;
    private final MaintenanceWindows maintenance;
    private final IncidentEvents events;
    private final Vitals vitals;
    private final ResponderActions responders;
    private final SharedStateRefresher sharedState;
    private final Heartbeats heartbeats;
    private final WebLogins webLogins;
    private final HttpServer http;

    private Tocsin(Settings settings, Clock clock) {
        this.settings = settings;
        this.metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        this.database = Database.open(settings.databaseUrl(), metrics);
        try {
            this.tokens = new TokenStore(database, clock);
            this.config = new ConfigService(database, clock);
            if (settings.configFile() != null) config.applyFile(settings.configFile(), Actor.system());
            this.events = new IncidentEvents(this::wakeTimers);
            IncidentStore incidentStore = new IncidentStore(events);
            this.onCall = new OnCallService(database, config, clock, new dev.tocsin.override.OverrideStore());
            AdminAlerts admins = new AdminAlerts(config::current, this::wakeTimers, metrics);
            this.paging = new Paging(config::current, onCall::targetResolver, incidentStore, admins, this::wakeTimers);
            IncidentObserver inTransaction = IncidentObserver.all(List.of(paging));
            // Event rules: the rule book of the revision in force, compiled when that revision was loaded.
            this.intake = new AlertIntake(database, key -> config.current().serviceOfKey(key), incidentStore, clock, metrics,
                    inTransaction, (event, serviceId) -> config.current().ruleBook().triage(event, serviceId));
            this.incidents = new Incidents(database, incidentStore, clock, inTransaction);
            IncidentTriage incidentTriage = new IncidentTriage(database, incidentStore, inTransaction);
            Flags flags = new Flags(database, incidentStore);
            Handovers handovers = new Handovers(database, incidentStore, config::current, this::wakeTimers);
            this.actionLinks = new ActionLinks(database, this::publicUrl);
            this.notices = new NoticeSender(database, config::current, SmtpSender::new, new ConsoleSender(),
                    NoticeSender.BACKOFF, java.util.random.RandomGenerator.getDefault());
            this.handoffs = new HandoffJob(database, config::current, onCall::forSchedule, clock, this::wakeTimers);
            Overrides overrides = new Overrides(database, onCall);
            CoverRequests covers = new CoverRequests(database, onCall, overrides);
            SwapRequests swaps = new SwapRequests(database, onCall, overrides);
            this.requestExpiry = new RequestExpiry(covers, swaps);
            Senders senders = new Senders(this::publicUrl, new ProviderHttp(), clock, new ConsoleSender());
            Paging.Parts pagingParts = paging.parts(database, senders, new LinkedPageActions(actionLinks),
                    java.util.random.RandomGenerator.getDefault(), metrics);
            List<TimerHandler> handlers = new java.util.ArrayList<>(pagingParts.handlers());
            handlers.add(new HeartbeatCheck(() -> config.current().document().heartbeats(), intake));
            handlers.add(events.outboxHandler(database));
            handlers.add(notices);
            handlers.add(handovers.expiryTimer());
            this.maintenance = new MaintenanceWindows(database, config::current, this::wakeTimers);
            handlers.add(maintenance.endTimer(paging.maintenanceRelease()));
            this.recurring = List.of(handoffs.recurring(), requestExpiry.recurring(), new UnscheduledNotices().recurring());
            handlers.addAll(recurring);
            this.timers = new TimerEngine(database, clock, TimerEngine.newNodeId(), handlers);
            ManualEscalations escalations = new ManualEscalations(database, paging, clock);
            this.sharedState = new SharedStateRefresher(List.of(
                    new SharedStateRefresher.Part("configuration", config::refresh),
                    new SharedStateRefresher.Part("token cache", tokens::refresh),
                    new SharedStateRefresher.Part("on-call cache", onCall::refresh)));
            this.heartbeats = new Heartbeats(database, () -> config.current().document().heartbeats(), intake, clock, timers::wake);
            config.onApplied(heartbeats::sync);
            heartbeats.sync();
            this.vitals = new Vitals(List.of(new Vitals.Vital("database writer", database::writerAlive),
                    new Vitals.Vital("timer engine", timers::isAlive)));
            Auth auth = new Auth(tokens);
            IncidentQueries queries = new IncidentQueries(database, incidents, paging, config::current, incidentTriage,
                    handovers, flags);
            this.responders = new ResponderActions(incidents, escalations, config::current, clock,
                    incidentId -> database.jdbi().withHandle(handle -> paging.pagedFor(handle, incidentId)));
            TriageActions triage = new TriageActions(responders, incidentTriage, flags, handovers);
            this.webLogins = new WebLogins(database, clock);
            TestPages testPages = new TestPages(database, paging, clock);
            AlertHistory alertHistory = new AlertHistory(database);
            FollowUps followUps = new FollowUps(database, clock);
            NoisyAlerts noisyAlerts = new NoisyAlerts(database, config::current);
            FeedTokens feedTokens = new FeedTokens(database, clock);
            boolean secureCookies = settings.publicUrl() != null && settings.publicUrl().startsWith("https://");
            List<Routes> routes = List.of(
                    OperationsRoutes.of(database, vitals, metrics, Version.current()),
                    new dev.tocsin.config.ConfigRoutes(config, auth),
                    new IncidentRoutes(queries, config, auth),
                    new ResponderRoutes(responders, auth, queries::paging),
                    new TriageRoutes(responders, triage, flags, handovers, auth),
                    new MaintenanceRoutes(maintenance, auth, clock),
                    new OnCallRoutes(onCall, auth),
                    new OverrideRoutes(onCall, overrides, covers, swaps, auth),
                    new IngestRoutes(config::current, intake, clock, metrics),
                    new dev.tocsin.ingest.OpsgenieRoutes(config::current, intake, new dev.tocsin.incident.AlertLookup(database),
                            responders, clock, metrics),
                    new dev.tocsin.triage.RuleTestRoutes(config::current, database, auth, clock),
                    new NoticeRoutes(database, config, auth, timers::wake),
                    new CalendarRoutes(config, onCall, feedTokens, auth, this::publicUrl, clock),
                    new ReportRoutes(config, onCall, new PageCounts(database.jdbi()), auth),
                    new NoiseRoutes(noisyAlerts, alertHistory, auth, clock),
                    new FollowUpRoutes(followUps, auth),
                    new ImportRoutes(new CalendarImports(config, clock), auth),
                    new TwilioWebhookRoutes(config::current, responders, incidents,
                            new DeliveryStatuses(database, pagingParts.deliveryReports()), this::publicUrl, clock),
                    new ContactMethodRoutes(testPages, auth),
                    new SimulateRoutes(onCall, auth,
                            policy -> database.jdbi().withHandle(handle -> paging.roundRobinCursors(handle, policy))),
                    new ActionLinkRoutes(actionLinks, incidents, responders, clock),
                    new HeartbeatRoutes(heartbeats, config.heartbeatEdits(), auth),
                    new WebRoutes(new WebRoutes.Parts(webLogins, new WebInvites(database, webLogins, clock), new WebSessions(database, clock), queries, responders, intake,
                            onCall, overrides, covers, swaps, config, testPages, feedTokens, events, tokens,
                            new OidcSignIn(() -> config.current().document().oidc(), clock), alertHistory, noisyAlerts, followUps,
                            policy -> database.jdbi().withHandle(handle -> paging.roundRobinCursors(handle, policy)),
                            this::publicUrl, secureCookies, clock, triage, maintenance)));
            this.http = new HttpServer(settings.host(), settings.port(), metrics, routes);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** Builds and starts a server; the caller closes it. */
    public static Tocsin start(Settings settings, Clock clock) {
        Tocsin tocsin = new Tocsin(settings, clock);
        try {
            tocsin.http.start();
            tocsin.scheduleRecurring(clock.instant());
            tocsin.events.resumeWaiting(tocsin.database, clock.instant());
            tocsin.timers.start();
            tocsin.sharedState.start();
        } catch (RuntimeException e) {
            tocsin.http.close();
            tocsin.database.close();
            throw e;
        }
        return tocsin;
    }

    /**
     * Makes sure each recurring job has its timer: the first node to start creates it (due at once), the others
     * find it pending. Afterwards every run schedules the next.
     */
    private void scheduleRecurring(java.time.Instant now) {
        database.writeAndWait(handle -> {
            for (Recurring job : recurring) job.ensureScheduled(handle, now, now);
            return null;
        });
    }

    /** Every HTTP endpoint, as "METHOD /path". */
    public List<String> endpoints() {
        return http.endpoints();
    }

    public int port() {
        return http.port();
    }

    public String publicUrl() {
        return settings.publicUrlFor(port());
    }

    public io.micrometer.core.instrument.MeterRegistry metrics() {
        return metrics;
    }

    public Database database() {
        return database;
    }

    public TokenStore tokens() {
        return tokens;
    }

    public ConfigService config() {
        return config;
    }

    public AlertIntake intake() {
        return intake;
    }

    public Incidents incidents() {
        return incidents;
    }

    /** The threads without which this node accepts nothing; {@code serve} watches them. */
    public Vitals vitals() {
        return vitals;
    }

    /** The ordered stream of incident events: live views and durable listeners subscribe here. */
    public IncidentEvents events() {
        return events;
    }

    /** The one way to act on an incident, for every channel. */
    public ResponderActions responders() {
        return responders;
    }

    /** Who may sign in to the web UI, with which password and role. */
    public WebLogins webLogins() {
        return webLogins;
    }

    /** Issues the signed, single-use links that pages carry (acknowledge, resolve, escalate). */
    public ActionLinks actionLinks() {
        return actionLinks;
    }

    /** Writes handoff notices, digests and gap warnings into the outbox every minute (a recurring timer). */
    public HandoffJob handoffs() {
        return handoffs;
    }

    public OnCallService onCall() {
        return onCall;
    }

    /** Closes cover and swap requests whose time has come, every minute (a recurring timer). */
    public RequestExpiry requestExpiry() {
        return requestExpiry;
    }

    /** Wake-ups may come from commits during construction, before the engine exists. */
    private void wakeTimers() {
        if (timers != null) timers.wake();
    }

    /** Pages people for incidents: escalation state, notifications, delivery. */
    public Paging paging() {
        return paging;
    }

    /** Maintenance windows: start, list, end; their end timers release what they held. */
    public MaintenanceWindows maintenance() {
        return maintenance;
    }

    /** Fires durable timers; {@code wake()} it after a transaction that scheduled one commits. */
    public TimerEngine timers() {
        return timers;
    }

    /** Picks up configuration, tokens and overrides that other nodes wrote; {@code refreshNow()} in tests. */
    public SharedStateRefresher sharedState() {
        return sharedState;
    }

    /** Records heartbeat pings and keeps their deadline timers in step with the configuration. */
    public Heartbeats heartbeats() {
        return heartbeats;
    }

    @Override
    public void close() {
        vitals.close();
        sharedState.close();
        timers.close();
        events.close();
        http.close();
        database.close();
        metrics.close();
    }
}
