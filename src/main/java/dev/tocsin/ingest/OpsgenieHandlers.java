package dev.tocsin.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tocsin.auth.Role;
import dev.tocsin.config.IntegrationBinding;
import dev.tocsin.config.Organisation;
import dev.tocsin.incident.Alert;
import dev.tocsin.incident.AlertAction;
import dev.tocsin.incident.AlertEvent;
import dev.tocsin.incident.AlertIntake;
import dev.tocsin.incident.AlertLookup;
import dev.tocsin.incident.AlertOutcome;
import dev.tocsin.refusal.Refusal;
import dev.tocsin.respond.Responder;
import dev.tocsin.respond.ResponderActions;
import dev.tocsin.store.StorageException;
import dev.tocsin.trace.Actor;
import dev.tocsin.trace.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * What the Opsgenie Alert API endpoints do with a body they have read: check the {@code GenieKey}, parse, rate
 * limit, then create, acknowledge or close through the {@link AlertIntake} exactly as the other senders do, or add a
 * note through the {@link ResponderActions} with the integration as the author. Every answer comes once what it
 * reports is committed.
 */
final class OpsgenieHandlers {
    /** The scheme of Opsgenie's {@code Authorization} header. */
    static final String AUTH_SCHEME = "GenieKey";

    private static final Logger log = LoggerFactory.getLogger(OpsgenieHandlers.class);

    /** Alert look-ups and notes wait for the database; they do it here, not on a server thread. */
    private static final ExecutorService WORK = Executors.newCachedThreadPool(daemonThreads());

    /** How the path's identifier names the alert ({@code ?identifierType=}). */
    enum IdentifierType {
        /** Tocsin's alert id, as returned in {@code data.alertId} (Opsgenie's default type). */
        ID,
        /** The alias, which is the dedup key. */
        ALIAS,
        /** Opsgenie's short number; in Tocsin the alert id as well (it is already a short number). */
        TINY;

        static Optional<IdentifierType> parse(String text) {
            if (text == null || text.isBlank()) return Optional.of(ID);
            for (IdentifierType type : values()) {
                if (type.name().equalsIgnoreCase(text.trim())) return Optional.of(type);
            }
            return Optional.empty();
        }
    }

    private final Supplier<Organisation> organisation;
    private final AlertIntake intake;
    private final AlertLookup alerts;
    private final ResponderActions responders;
    private final IngestMetrics metrics;
    private final RateLimiter rateLimiter = new RateLimiter();

    OpsgenieHandlers(Supplier<Organisation> organisation, AlertIntake intake, AlertLookup alerts,
                     ResponderActions responders, IngestMetrics metrics) {
        this.organisation = organisation;
        this.intake = intake;
        this.alerts = alerts;
        this.responders = responders;
        this.metrics = metrics;
    }

    CompletableFuture<Reply> create(String authorization, byte[] body, Instant now) {
        Authenticated auth = authenticate(authorization);
        if (auth.refused() != null) return CompletableFuture.completedFuture(auth.refused());
        Optional<ObjectNode> json = Fields.object(body);
        if (json.isEmpty()) return reject("unparseable", OpsgenieReplies.invalidJson());
        OpsgenieAlerts.Problems problems = new OpsgenieAlerts.Problems();
        AlertEvent event = OpsgenieAlerts.create(json.get(), text(body), auth.binding(), problems);
        if (!problems.isEmpty()) return reject("invalid", OpsgenieReplies.unprocessable(problems.byField()));
        return submit(auth.binding(), event, now, "Create", null);
    }

    /** Acknowledge ({@code ACKNOWLEDGE}) or close ({@code RESOLVE}) the alert the path names. */
    CompletableFuture<Reply> act(AlertAction action, String identifier, String identifierType, String authorization,
                                 byte[] body, Instant now) {
        String name = action == AlertAction.ACKNOWLEDGE ? "Acknowledge" : "Close";
        Authenticated auth = authenticate(authorization);
        if (auth.refused() != null) return CompletableFuture.completedFuture(auth.refused());
        Request request = request(identifier, identifierType, body, ResponderActions.MAX_NOTE_LENGTH);
        if (request.refused() != null) return CompletableFuture.completedFuture(request.refused());
        IntegrationBinding binding = auth.binding();
        if (request.type() == IdentifierType.ALIAS) {
            return submit(binding, OpsgenieAlerts.act(action, identifier, request.body(), text(body), binding), now, name,
                    request.body().note());
        }
        // By id: only an open alert of this integration. A closed one's key may already name a newer alert, which
        // this request did not mean.
        return CompletableFuture.supplyAsync(() -> byId(identifier, binding).filter(Alert::open), WORK)
                .thenCompose(found -> found.isEmpty()
                        ? CompletableFuture.completedFuture(dropped(name))
                        : submit(binding, OpsgenieAlerts.act(action, found.get().dedupKey(), request.body(), text(body), binding),
                                now, name, request.body().note()))
                .exceptionally(this::failed);
    }

    /** A note on the incident of the alert the path names, written by the integration. */
    CompletableFuture<Reply> addNote(String identifier, String identifierType, String authorization, byte[] body,
                                     Instant now) {
        Authenticated auth = authenticate(authorization);
        if (auth.refused() != null) return CompletableFuture.completedFuture(auth.refused());
        Request request = request(identifier, identifierType, body, ResponderActions.MAX_NOTE_LENGTH);
        if (request.refused() != null) return CompletableFuture.completedFuture(request.refused());
        if (request.body().note() == null) return reject("invalid", OpsgenieReplies.unprocessable("note", "Note can not be empty."));
        IntegrationBinding binding = auth.binding();
        Optional<Duration> wait = rateLimiter.tryAcquire(binding, 1, now);
        if (wait.isPresent()) return reject("rate_limited", OpsgenieReplies.throttled(wait.get().toSeconds()));
        return CompletableFuture.supplyAsync(() -> {
            Optional<Alert> alert = request.type() == IdentifierType.ALIAS
                    ? alerts.latest(binding.key(), identifier) : byId(identifier, binding);
            if (alert.isEmpty()) return dropped("AddNote");
            note(alert.get().incidentId(), request.body());
            metrics.accepted(Endpoint.OPSGENIE, "noted", 1);
            return OpsgenieReplies.accepted("AddNote", "noted", alert.get().id(), alert.get().dedupKey(),
                    alert.get().incidentId());
        }, WORK).exceptionally(this::failed);
    }

    private record Authenticated(IntegrationBinding binding, Reply refused) {
    }

    private record Request(IdentifierType type, OpsgenieAlerts.ActionBody body, Reply refused) {
    }

    /** {@code Authorization: GenieKey <key>}, naming an {@code opsgenie} integration. */
    private Authenticated authenticate(String authorization) {
        String header = authorization == null ? "" : authorization.strip();
        int space = header.indexOf(' ');
        if (space < 0 || !header.substring(0, space).equalsIgnoreCase(AUTH_SCHEME)) {
            metrics.rejected(Endpoint.OPSGENIE, "unauthenticated");
            return new Authenticated(null, OpsgenieReplies.unauthenticated(
                    "expected the header 'Authorization: GenieKey <key>' with the key of an opsgenie integration"));
        }
        String key = header.substring(space + 1).strip();
        Optional<IntegrationBinding> found = organisation.get().integrationByKey(key);
        if (found.isEmpty()) {
            metrics.rejected(Endpoint.OPSGENIE, "unknown_key");
            return new Authenticated(null, OpsgenieReplies.unauthenticated("the GenieKey is not a configured integration key"));
        }
        if (!Endpoint.OPSGENIE.integrationTypes.contains(found.get().type())) {
            metrics.rejected(Endpoint.OPSGENIE, "wrong_type");
            return new Authenticated(null, OpsgenieReplies.forbidden("the GenieKey belongs to a '" + found.get().type()
                    + "' integration, which sends to " + Endpoint.pathFor(found.get().type()) + "; use the key of an opsgenie integration"));
        }
        return new Authenticated(found.get(), null);
    }

    /** The identifier type and the body of an acknowledge, close or notes request; an empty body is allowed. */
    private Request request(String identifier, String identifierType, byte[] body, int maxNoteChars) {
        Optional<IdentifierType> type = IdentifierType.parse(identifierType);
        if (type.isEmpty()) {
            metrics.rejected(Endpoint.OPSGENIE, "invalid");
            return new Request(null, null, OpsgenieReplies.unprocessable("identifierType",
                    "identifierType must be id, alias or tiny (was '" + identifierType + "')."));
        }
        if (identifier.length() > OpsgenieAlerts.MAX_ALIAS_CHARS) {
            metrics.rejected(Endpoint.OPSGENIE, "invalid");
            return new Request(null, null, OpsgenieReplies.unprocessable("identifier",
                    "identifier can not be longer than " + OpsgenieAlerts.MAX_ALIAS_CHARS + " characters."));
        }
        ObjectNode json = null;
        if (!text(body).isBlank()) {
            Optional<ObjectNode> parsed = Fields.object(body);
            if (parsed.isEmpty()) {
                metrics.rejected(Endpoint.OPSGENIE, "unparseable");
                return new Request(null, null, OpsgenieReplies.invalidJson());
            }
            json = parsed.get();
        }
        OpsgenieAlerts.Problems problems = new OpsgenieAlerts.Problems();
        OpsgenieAlerts.ActionBody action = OpsgenieAlerts.action(json, maxNoteChars, problems);
        if (!problems.isEmpty()) {
            metrics.rejected(Endpoint.OPSGENIE, "invalid");
            return new Request(null, null, OpsgenieReplies.unprocessable(problems.byField()));
        }
        return new Request(type.get(), action, null);
    }

    /** An alert of this integration by its id; ids that are not numbers (Opsgenie's own UUIDs) name none. */
    private Optional<Alert> byId(String identifier, IntegrationBinding binding) {
        long id;
        try {
            id = Long.parseLong(identifier.trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return alerts.byId(id).filter(alert -> alert.integrationKey().equals(binding.key()));
    }

    private CompletableFuture<Reply> submit(IntegrationBinding binding, AlertEvent event, Instant now, String action,
                                            String note) {
        Optional<Duration> wait = rateLimiter.tryAcquire(binding, 1, now);
        if (wait.isPresent()) return reject("rate_limited", OpsgenieReplies.throttled(wait.get().toSeconds()));
        CompletableFuture<List<AlertOutcome>> stored;
        try {
            stored = intake.submit(List.of(event));
        } catch (RuntimeException e) {
            stored = CompletableFuture.failedFuture(e);
        }
        return stored.thenApplyAsync(outcomes -> {
            AlertOutcome outcome = outcomes.get(0);
            // Opsgenie's actions take a note along; it goes on the incident the action reached, after the action.
            if (note != null && outcome.incidentId() != null) {
                note(outcome.incidentId(), new OpsgenieAlerts.ActionBody(null, event.source(), note));
            }
            metrics.accepted(Endpoint.OPSGENIE, outcomes);
            return OpsgenieReplies.accepted(action, outcome.result().name().toLowerCase(Locale.ROOT), outcome.alertId(),
                    event.dedupKey(), outcome.incidentId());
        }, WORK).exceptionally(this::failed);
    }

    private void note(long incidentId, OpsgenieAlerts.ActionBody body) {
        Responder integration = new Responder(actor(body.source()), Role.RESPONDER);
        responders.addNote(responders.act(incidentId, integration, Channel.EVENT), body.note());
    }

    /** The integration as the author, named as the intake names it on the timeline: {@code opsgenie (source)}. */
    private static Actor actor(String source) {
        return Actor.integration(OpsgenieAlerts.FORMAT + (source == null ? "" : " (" + source + ")"));
    }

    /** Opsgenie answers an action on an alert it cannot find with 202 too (the failure shows in the request status). */
    private Reply dropped(String action) {
        metrics.accepted(Endpoint.OPSGENIE, "dropped", 1);
        return OpsgenieReplies.accepted(action, "dropped", null, null, null);
    }

    private Reply failed(Throwable error) {
        Throwable cause = error;
        while (cause instanceof CompletionException && cause.getCause() != null) cause = cause.getCause();
        if (cause instanceof StorageException) {
            log.warn("opsgenie: storage cannot take alerts right now: {}", cause.getMessage());
            metrics.rejected(Endpoint.OPSGENIE, "unavailable");
            return OpsgenieReplies.unavailable("storage is unavailable: " + cause.getMessage());
        }
        if (cause instanceof Refusal refusal) {
            metrics.rejected(Endpoint.OPSGENIE, "invalid");
            return OpsgenieReplies.unprocessable("note", refusal.getMessage());
        }
        log.error("opsgenie: unexpected failure", cause);
        metrics.rejected(Endpoint.OPSGENIE, "error");
        return OpsgenieReplies.internalError();
    }

    private CompletableFuture<Reply> reject(String reason, Reply reply) {
        metrics.rejected(Endpoint.OPSGENIE, reason);
        return CompletableFuture.completedFuture(reply);
    }

    private static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "tocsin-opsgenie-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
