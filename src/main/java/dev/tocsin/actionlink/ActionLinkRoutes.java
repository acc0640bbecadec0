package dev.tocsin.actionlink;

import dev.tocsin.refusal.Refusal;
import dev.tocsin.http.HttpServer;
import dev.tocsin.http.Routes;
import dev.tocsin.incident.Incident;
import dev.tocsin.incident.Incidents;
import dev.tocsin.escalation.ManualEscalation;
import dev.tocsin.respond.Act;
import dev.tocsin.respond.Outcome;
import dev.tocsin.respond.Responder;
import dev.tocsin.respond.ResponderActions;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code GET /actions/{token}} and {@code POST /actions/{token}}: the pages behind action links. No bearer
 * token: the link's own token is the authority. GET only asks (mail scanners fetch every link in a message,
 * so a GET that acted would acknowledge pages nobody read); POST acts, once.
 */
public final class ActionLinkRoutes implements Routes {
    private static final Logger log = LoggerFactory.getLogger(ActionLinkRoutes.class);
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final ActionLinks links;
    private final Incidents incidents;
    private final ResponderActions actions;
    private final Clock clock;

    /** @param actions what a link does, it does through the responder actions, as the person it was sent to */
    public ActionLinkRoutes(ActionLinks links, Incidents incidents, ResponderActions actions, Clock clock) {
        this.links = links;
        this.incidents = incidents;
        this.actions = actions;
        this.clock = clock;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/actions/{token}", ctx -> guarded(ctx, () -> confirm(ctx.pathParam("token"))));
        routes.post("/actions/{token}", ctx -> guarded(ctx, () -> act(ctx.pathParam("token"))));
    }

    /**
     * Answers unexpected failures here rather than in the server's handler, which logs the request path: for
     * these routes the path is a credential, and after a failure the link may still work.
     */
    private static void guarded(Context ctx, Supplier<ActionReply> handler) {
        ActionReply reply;
        try {
            reply = handler.get();
        } catch (RuntimeException failure) {
            log.error("action link {} failed", ctx.method(), failure);
            ctx.header("Retry-After", "60");
            reply = new ActionReply(503, "Tocsin could not do this right now",
                    "Try the link again in a minute, or open the incident in Tocsin.", null,
                    HttpServer.errorBody("unavailable", "could not carry out the link right now: " + failure.getMessage(), List.of()));
        }
        send(reply, ctx);
    }

    private ActionReply confirm(String token) {
        Optional<ActionLink> found = links.find(token);
        if (found.isEmpty()) return unknown();
        ActionLink link = found.get();
        ActionLink.State state = link.state(clock.instant());
        if (state != ActionLink.State.USABLE) return spent(link, state);
        Optional<Incident> incident = incidents.find(link.incidentId()).map(Incidents.Details::incident);
        if (incident.isEmpty()) return failed(link, Refusal.notFound("incident #" + link.incidentId()));
        Incident shown = incident.get();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("incident_id", shown.id());
        json.put("title", shown.title());
        json.put("status", shown.status().wireName());
        json.put("action", link.action().wireName());
        json.put("user_id", link.userId());
        json.put("channel", link.channel().wireName());
        json.put("expires_at", link.expiresAt().toString());
        json.put("message", "POST to this address to " + link.action().wireName() + " the incident");
        return new ActionReply(200, link.action().label() + " incident " + shown.number() + " — " + shown.title() + "?",
                "It is " + shown.status().wireName() + ". This link acts as " + link.userId() + ", works once, and expires "
                        + SHOWN.format(link.expiresAt()) + ".",
                link.action().label(), json);
    }

    private ActionReply act(String token) {
        Instant now = clock.instant();
        Optional<ActionLinks.Claim> claim = links.claim(token, now);
        if (claim.isEmpty()) return unknown();
        ActionLink link = claim.get().link();
        if (!claim.get().claimed()) return spent(link, link.state(now));
        // The link is spent before the action runs: Incidents writes in its own transaction, so the two cannot
        // share one. A refusal (incident already resolved) keeps it spent; a failure that is not the person's
        // (storage down) gives it back, so clicking again works.
        try {
            return perform(link);
        } catch (Refusal refused) {
            return failed(link, refused);
        } catch (RuntimeException failure) {
            try {
                links.release(token, now);
            } catch (RuntimeException releaseFailure) {
                failure.addSuppressed(releaseFailure);
            }
            throw failure;
        }
    }

    private ActionReply perform(ActionLink link) {
        Act act = actions.act(link.incidentId(), Responder.person(link.userId()), link.channel());
        String number = "#" + link.incidentId();
        return switch (link.action()) {
            case ACKNOWLEDGE, RESOLVE -> {
                Outcome outcome = link.action() == LinkAction.ACKNOWLEDGE ? actions.acknowledge(act) : actions.resolve(act);
                String done = link.action() == LinkAction.ACKNOWLEDGE ? "acknowledged" : "resolved";
                String heading = outcome.changed()
                        ? capitalised(done) + " incident " + number + " — " + outcome.incident().title()
                        : "Incident " + number + " was already " + done;
                String message = outcome.changed()
                        ? "The timeline records it as " + done + " by " + link.userId() + " via " + link.channel().wireName() + "."
                        : capitalised(outcome.detail()) + ".";
                yield done(link, 200, outcome.changed(), heading, message);
            }
            case ESCALATE -> {
                Outcome outcome = actions.escalate(act, new ManualEscalation.NextLevel());
                yield done(link, 200, outcome.changed(), "Escalate incident " + number, outcome.detail());
            }
        };
    }

    private static ActionReply done(ActionLink link, int status, boolean changed, String heading, String message) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("incident_id", link.incidentId());
        json.put("action", link.action().wireName());
        json.put("changed", changed);
        json.put("message", message);
        return new ActionReply(status, heading, message, null, json);
    }

    private static ActionReply failed(ActionLink link, Refusal refused) {
        String heading = "Could not " + link.action().wireName() + " incident #" + link.incidentId();
        String message = capitalised(refused.getMessage()) + ".";
        return new ActionReply(HttpServer.status(refused.kind()), heading, message, null,
                HttpServer.errorBody(refused.code(), refused.getMessage(), List.of()));
    }

    private static ActionReply spent(ActionLink link, ActionLink.State state) {
        String what = "to " + link.action().wireName() + " incident #" + link.incidentId();
        if (state == ActionLink.State.USED) {
            String message = "It was already used at " + SHOWN.format(link.usedAt()) + " " + what
                    + ". Each link works once; open the incident in Tocsin to do more.";
            return new ActionReply(410, "This link was already used", message, null,
                    HttpServer.errorBody("gone", "link already used at " + link.usedAt(), List.of()));
        }
        String message = "It expired at " + SHOWN.format(link.expiresAt()) + " and can no longer be used " + what
                + ". Open the incident in Tocsin instead.";
        return new ActionReply(410, "This link has expired", message, null,
                HttpServer.errorBody("gone", "link expired at " + link.expiresAt(), List.of()));
    }

    /** The same answer for a made-up, mistyped or tampered token: nothing about what exists. */
    private static ActionReply unknown() {
        return new ActionReply(404, "This link is not valid",
                "Tocsin did not issue it, or it was copied incompletely. Open the incident in Tocsin instead.", null,
                HttpServer.errorBody("not_found", "no such action link", List.of()));
    }

    private static String capitalised(String text) {
        return text == null || text.isEmpty() ? "" : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** Writes the reply in the form the client asked for (see {@link ActionReply}). */
    private static void send(ActionReply reply, Context ctx) {
        // The URL is the credential: keep it out of caches, search engines, Referer headers and other sites' frames.
        ctx.header("Cache-Control", "no-store");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Robots-Tag", "noindex, nofollow");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.status(reply.status());
        String accept = ctx.header("Accept") == null ? "" : ctx.header("Accept").toLowerCase(java.util.Locale.ROOT);
        if (accept.contains("text/html")) {
            ctx.header("Content-Security-Policy",
                    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'");
            ctx.contentType("text/html; charset=utf-8");
            ctx.result(reply.html().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } else if (accept.contains("application/json")) {
            ctx.json(reply.json());
        } else {
            ctx.contentType("text/plain; charset=utf-8");
            ctx.result((reply.heading() + "\n" + (reply.message() == null || reply.message().isEmpty() ? "" : reply.message() + "\n"))
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
