package dev.tocsin.triage;

import dev.tocsin.config.IntegrationBinding;
import dev.tocsin.config.Organisation;
import dev.tocsin.incident.AlertAction;
import dev.tocsin.incident.AlertEvent;
import dev.tocsin.incident.AlertTriage;
import dev.tocsin.ingest.AlertmanagerWebhook;
import dev.tocsin.ingest.EventsV1;
import dev.tocsin.ingest.EventsV2;
import dev.tocsin.ingest.GenericWebhook;
import dev.tocsin.ingest.GrafanaWebhook;
import dev.tocsin.ingest.ParseResult;
import dev.tocsin.refusal.Refusal;
import dev.tocsin.rules.RuleBook;
import dev.tocsin.service.Integration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The rule tester: reads an event body in any sender format, exactly as its ingest endpoint would, and says which
 * rules match and what the event would become, without storing anything. The format comes from an integration
 * key ({@code key}: its type and service) or is named with a service ({@code format} + {@code service}).
 */
public final class RuleTester {
    /** The key a tested event carries when none is given; never a configured key (those are at least 8 characters). */
    static final String TEST_KEY = "rule-test";

    private RuleTester() {
    }

    /** What one event would become. */
    public record Outcome(AlertEvent event, String integrationService, RuleBook.Verdict verdict) {
        /** {@code incident} (opens or joins), {@code suppressed}, {@code dropped}, or {@code not_evaluated} (acknowledge, resolve). */
        public String result() {
            if (event.action() != AlertAction.TRIGGER) return "not_evaluated";
            AlertTriage triage = verdict.triage();
            if (triage.droppedBy() != null) return "dropped";
            if (triage.suppressedBy() != null) return "suppressed";
            return "incident";
        }
    }

    /** Tests {@code body}; a body that cannot be read, or an unknown key, service or format, is refused as invalid. */
    public static List<Outcome> test(Organisation organisation, String key, String format, String serviceId, byte[] body,
                                     Instant now) {
        IntegrationBinding binding = binding(organisation, key, format, serviceId);
        List<AlertEvent> events = parse(binding, body, now);
        RuleBook book = organisation.ruleBook();
        List<Outcome> outcomes = new ArrayList<>(events.size());
        for (AlertEvent event : events) {
            RuleBook.Verdict verdict = event.action() == AlertAction.TRIGGER ? book.evaluate(event, binding.serviceId())
                    : new RuleBook.Verdict(List.of(), AlertTriage.NONE);
            outcomes.add(new Outcome(event, binding.serviceId(), verdict));
        }
        return outcomes;
    }

    private static IntegrationBinding binding(Organisation organisation, String key, String format, String serviceId) {
        if (key != null && !key.isBlank()) {
            IntegrationBinding binding = organisation.integrationByKey(key)
                    .orElseThrow(() -> Refusal.invalid("integration key '" + key + "' is not configured"));
            if (format != null && !format.isBlank() && !format.equals(binding.type())) {
                throw Refusal.invalid("integration key '" + key + "' is of type " + binding.type() + ", not " + format);
            }
            return binding;
        }
        List<String> formats = Arrays.stream(Integration.Type.values()).map(Integration.Type::wireName).toList();
        if (format == null || format.isBlank()) {
            throw Refusal.invalid("say how to read the event: format=" + String.join("|", formats) + " with service=ID, or key=INTEGRATION_KEY");
        }
        if (!formats.contains(format)) {
            throw Refusal.invalid("unknown format '" + format + "'; expected one of: " + String.join(", ", formats));
        }
        if (serviceId == null || serviceId.isBlank()) throw Refusal.invalid("format=" + format + " needs service=ID");
        if (organisation.service(serviceId).isEmpty()) throw Refusal.invalid("service '" + serviceId + "' is not configured");
        return new IntegrationBinding(serviceId, format, TEST_KEY, IntegrationBinding.DEFAULT_SEVERITY,
                IntegrationBinding.DEFAULT_RATE_LIMIT_PER_SECOND, null);
    }

    private static List<AlertEvent> parse(IntegrationBinding binding, byte[] body, Instant now) {
        ParseResult<?> parsed = switch (binding.type()) {
            case "events-v2" -> EventsV2.parse(body, binding, now);
            case "events-v1" -> EventsV1.parse(body, binding, now);
            case "alertmanager" -> AlertmanagerWebhook.parse(body, binding, now);
            case "grafana" -> GrafanaWebhook.parse(body, binding, now);
            case "generic" -> GenericWebhook.parse(body, binding, now);
            default -> throw Refusal.invalid("events of type " + binding.type() + " cannot be tested");
        };
        if (parsed instanceof ParseResult.Unrecognized<?> unrecognized) {
            throw Refusal.invalid("the body is not a " + binding.type() + " event: " + unrecognized.reason());
        }
        if (parsed instanceof ParseResult.Invalid<?> invalid) {
            throw Refusal.invalid("the " + binding.type() + " event is invalid", invalid.problems());
        }
        Object value = ((ParseResult.Parsed<?>) parsed).value();
        List<AlertEvent> events = new ArrayList<>();
        if (value instanceof AlertEvent event) events.add(event);
        else for (Object item : (List<?>) value) events.add((AlertEvent) item);
        return events;
    }
}
