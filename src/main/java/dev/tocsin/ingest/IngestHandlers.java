package dev.tocsin.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tocsin.config.IntegrationBinding;
import dev.tocsin.config.Organisation;
import dev.tocsin.incident.AlertEvent;
import dev.tocsin.incident.AlertIntake;
import dev.tocsin.incident.AlertOutcome;
import dev.tocsin.incident.ChangeEvent;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What each ingest endpoint does with a body it has read: find the integration, parse, rate-limit, hand the
 * events to the {@link AlertIntake}, and answer once they are durable (never before: an answered 2xx is never lost).
 */
final class IngestHandlers {
    /**
     * The intake completes its futures on the database writer thread. Answers are built and written here
     * instead, so that thread goes straight back to committing the next group.
     */
    private static final Executor ANSWERS = answerThreads();

    private final Supplier<Organisation> organisation;
    private final AlertIntake intake;
    private final RateLimiter rateLimiter = new RateLimiter();
    private final IngestMetrics metrics;
    private final IntakeFailures failures;

    IngestHandlers(Supplier<Organisation> organisation, AlertIntake intake, IngestMetrics metrics) {
        this.organisation = organisation;
        this.intake = intake;
        this.metrics = metrics;
        this.failures = new IntakeFailures(metrics);
    }

    CompletableFuture<Reply> eventsV2(byte[] body, Instant now) {
        return pagerDuty(Endpoint.EVENTS_V2, "routing_key", body, now, (event, binding) ->
                EventsV2.parse(event, text(body), binding, now));
    }

    CompletableFuture<Reply> eventsV1(byte[] body, Instant now) {
        return pagerDuty(Endpoint.EVENTS_V1, "service_key", body, now, (event, binding) ->
                EventsV1.parse(event, text(body), binding, now));
    }

    CompletableFuture<Reply> generic(String key, byte[] body, Instant now) {
        Optional<ObjectNode> event = Fields.object(body);
        if (event.isEmpty()) return reject(Endpoint.GENERIC, "unparseable", Reply.unrecognized());
        List<String> problems = new ArrayList<>();
        IntegrationBinding binding = route(Endpoint.GENERIC, "integration key", key, problems);
        ParseResult<AlertEvent> parsed = GenericWebhook.parse(event.get(), text(body), binding, now);
        problems.addAll(problemsOf(parsed));
        if (!problems.isEmpty()) return reject(Endpoint.GENERIC, "invalid", Reply.invalid(problems));
        AlertEvent alert = ((ParseResult.Parsed<AlertEvent>) parsed).value();
        return submit(Endpoint.GENERIC, binding, List.of(alert), now, outcomes ->
                Reply.success("dedup_key", alert.dedupKey()).with("alerts", Outcomes.describe(List.of(alert), outcomes)));
    }

    CompletableFuture<Reply> change(byte[] body, Instant now) {
        Optional<ObjectNode> event = Fields.object(body);
        if (event.isEmpty()) return reject(Endpoint.CHANGE, "unparseable", Reply.unrecognized());
        List<String> problems = new ArrayList<>();
        IntegrationBinding binding = route(Endpoint.CHANGE, "routing_key",
                Fields.text(event.get(), "routing_key", "routing_key", problems), problems);
        ParseResult<ChangeEvent> parsed = ChangeEvents.parse(event.get(), binding, now);
        problems.addAll(problemsOf(parsed));
        if (!problems.isEmpty()) return reject(Endpoint.CHANGE, "invalid", Reply.invalid(problems));
        Optional<Duration> wait = rateLimiter.tryAcquire(binding, 1, now);
        if (wait.isPresent()) return reject(Endpoint.CHANGE, "rate_limited", Reply.throttled(429, wait.get().toSeconds()));
        return failures.guard(() -> intake.submitChange(((ParseResult.Parsed<ChangeEvent>) parsed).value()))
                .handleAsync((done, error) -> {
                    if (error != null) return failures.reply(Endpoint.CHANGE, error);
                    metrics.accepted(Endpoint.CHANGE, "stored", 1);
                    return Reply.success(null, null);
                }, ANSWERS);
    }

    CompletableFuture<Reply> alertmanager(String key, byte[] body, Instant now) {
        return webhook(Endpoint.ALERTMANAGER, key, body, null, null, now);
    }

    CompletableFuture<Reply> grafana(String key, byte[] body, String signature, String timestamp, Instant now) {
        return webhook(Endpoint.GRAFANA, key, body, signature, timestamp, now);
    }

    private CompletableFuture<Reply> webhook(Endpoint endpoint, String key, byte[] body, String signature,
                                             String timestamp, Instant now) {
        // An unknown key in a webhook URL is a configuration error that retrying cannot fix: 404, which
        // Alertmanager drops (and logs) instead of retrying for ever.
        Optional<IntegrationBinding> found = organisation.get().integrationByKey(key);
        if (found.isEmpty()) return reject(endpoint, "unknown_key", Reply.unknownIntegration(key));
        IntegrationBinding binding = found.get();
        if (!endpoint.integrationTypes.contains(binding.type())) {
            return reject(endpoint, "wrong_type", Reply.invalid(List.of(wrongType(endpoint, "integration key", binding))));
        }
        if (endpoint == Endpoint.GRAFANA && binding.secret() != null && !binding.secret().isEmpty()) {
            switch (GrafanaSignature.verify(binding.secret(), body, signature, timestamp)) {
                case MISSING -> {
                    return reject(endpoint, "unsigned", Reply.of(401, "unauthorized", "This integration requires a signature",
                            List.of("missing " + GrafanaSignature.SIGNATURE_HEADER + " header")));
                }
                case MISMATCH -> {
                    return reject(endpoint, "bad_signature", Reply.of(403, "forbidden", "The signature does not match",
                            List.of(GrafanaSignature.SIGNATURE_HEADER + " is not the HMAC-SHA256 of this body with the configured secret")));
                }
                case VALID -> { }
            }
        }
        ParseResult<List<AlertEvent>> parsed = endpoint == Endpoint.GRAFANA
                ? GrafanaWebhook.parse(body, binding, now) : AlertmanagerWebhook.parse(body, binding, now);
        if (parsed instanceof ParseResult.Unrecognized<List<AlertEvent>>) {
            return reject(endpoint, "unparseable", Reply.unrecognized());
        }
        if (parsed instanceof ParseResult.Invalid<List<AlertEvent>> invalid) {
            return reject(endpoint, "invalid", Reply.invalid(invalid.problems()));
        }
        List<AlertEvent> events = ((ParseResult.Parsed<List<AlertEvent>>) parsed).value();
        if (events.isEmpty()) return CompletableFuture.completedFuture(Reply.success(null, null).with("alerts", List.of()));
        return submit(endpoint, binding, events, now, outcomes ->
                Reply.success(null, null).with("alerts", Outcomes.describe(events, outcomes)));
    }

    /** v2 and v1: the key is in the body, so its problems are listed with every other problem of the event. */
    private CompletableFuture<Reply> pagerDuty(Endpoint endpoint, String keyField, byte[] body, Instant now,
                                               Parser parser) {
        Optional<ObjectNode> event = Fields.object(body);
        if (event.isEmpty()) return reject(endpoint, "unparseable", Reply.unrecognized());
        List<String> problems = new ArrayList<>();
        IntegrationBinding binding = route(endpoint, keyField, Fields.text(event.get(), keyField, keyField, problems), problems);
        ParseResult<AlertEvent> parsed = parser.parse(event.get(), binding);
        problems.addAll(problemsOf(parsed));
        if (!problems.isEmpty()) return reject(endpoint, "invalid", Reply.invalid(problems));
        AlertEvent alert = ((ParseResult.Parsed<AlertEvent>) parsed).value();
        return submit(endpoint, binding, List.of(alert), now, outcomes -> endpoint == Endpoint.EVENTS_V1
                ? Reply.success("incident_key", alert.dedupKey()).withStatus(200)
                : Reply.success("dedup_key", alert.dedupKey()));
    }

    private interface Parser {
        ParseResult<AlertEvent> parse(ObjectNode event, IntegrationBinding binding);
    }

    /**
     * The integration {@code key} names, or a stand-in (so the rest of the body can still be checked) after
     * adding a problem naming the key.
     */
    private IntegrationBinding route(Endpoint endpoint, String field, String key, List<String> problems) {
        IntegrationBinding standIn = new IntegrationBinding(null, "unknown", key == null ? "" : key,
                IntegrationBinding.DEFAULT_SEVERITY, IntegrationBinding.DEFAULT_RATE_LIMIT_PER_SECOND, null);
        if (key == null || key.isBlank()) {
            // A key that is there but not a string has already been named by the reader.
            if (problems.stream().noneMatch(problem -> problem.startsWith("'" + field + "'"))) {
                problems.add("'" + field + "' is missing");
            }
            return standIn;
        }
        Optional<IntegrationBinding> found = organisation.get().integrationByKey(key);
        if (found.isEmpty()) {
            problems.add("'" + field + "' '" + key + "' is not a known integration key");
            return standIn;
        }
        if (!endpoint.integrationTypes.contains(found.get().type())) problems.add(wrongType(endpoint, field, found.get()));
        return found.get();
    }

    private static String wrongType(Endpoint endpoint, String field, IntegrationBinding binding) {
        return "'" + field + "' '" + binding.key() + "' belongs to a '" + binding.type() + "' integration, which sends to "
                + Endpoint.pathFor(binding.type()) + ", not " + endpoint.path;
    }

    private CompletableFuture<Reply> submit(Endpoint endpoint, IntegrationBinding binding, List<AlertEvent> events,
                                            Instant now, Function<List<AlertOutcome>, Reply> onSuccess) {
        Optional<Duration> wait = rateLimiter.tryAcquire(binding, events.size(), now);
        if (wait.isPresent()) {
            long seconds = wait.get().toSeconds();
            Reply reply = switch (endpoint) {
                case ALERTMANAGER -> Reply.unavailable("the integration's rate limit of "
                        + RateLimiter.rateOf(binding) + " events/s is exceeded", seconds);
                case EVENTS_V1 -> Reply.throttled(403, seconds);
                default -> Reply.throttled(429, seconds);
            };
            return reject(endpoint, "rate_limited", reply);
        }
        return failures.guard(() -> intake.submit(events)).handleAsync((outcomes, error) -> {
            if (error != null) return failures.reply(endpoint, error);
            metrics.accepted(endpoint, outcomes);
            return onSuccess.apply(outcomes);
        }, ANSWERS);
    }

    private static Executor answerThreads() {
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
        AtomicInteger counter = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "tocsin-ingest-answer-" + counter.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    private CompletableFuture<Reply> reject(Endpoint endpoint, String reason, Reply reply) {
        metrics.rejected(endpoint, reason);
        return CompletableFuture.completedFuture(reply);
    }

    private static List<String> problemsOf(ParseResult<?> result) {
        return result instanceof ParseResult.Invalid<?> invalid ? invalid.problems() : List.of();
    }

    private static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }
}
