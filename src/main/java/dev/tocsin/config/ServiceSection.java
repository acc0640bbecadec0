package dev.tocsin.config;

import dev.tocsin.urgency.Severity;
import dev.tocsin.service.Integration;
import dev.tocsin.service.Service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads and writes one entry of {@code services:} with its integrations. */
final class ServiceSection {
    /** Keys appear in URLs, so they are URL-safe; 8 characters at least so they are not guessed by accident. */
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._~-]{8,128}");
    static final int MAX_RATE_LIMIT = 1_000_000;

    private ServiceSection() {
    }

    static Service parse(Value value) {
        Fields fields = value.fields("id", "name", "description", "team", "escalation_policy", "ack_timeout",
                "integrations", "support_hours", "urgency", "rules", "grouping", "runbook");
        String id = fields.id("id");
        String name = fields.text("name");
        String description = fields.optionalText("description");
        String team = fields.optional("team", Value::id);
        String policy = fields.id("escalation_policy");
        java.time.Duration ackTimeout = fields.duration("ack_timeout", null);
        if (ackTimeout != null && ackTimeout.compareTo(Service.MIN_ACK_TIMEOUT) < 0) {
            fields.optional("ack_timeout").problem("must be at least " + dev.tocsin.time.Durations.format(Service.MIN_ACK_TIMEOUT)
                    + " (leave it out to keep acknowledged incidents quiet until resolved)");
        }
        List<Integration> integrations = new ArrayList<>();
        for (Value item : fields.list("integrations")) integrations.add(parseIntegration(item, id));
        var supportHours = fields.optional("support_hours", SupportHoursSection::parse);
        var outside = fields.optional("urgency", SupportHoursSection::parseUrgency);
        List<dev.tocsin.rules.Rule> rules = new ArrayList<>();
        for (Value item : fields.list("rules")) rules.add(RuleSection.parse(item));
        dev.tocsin.rules.Grouping grouping = fields.optional("grouping", RuleSection::grouping);
        String runbook = fields.optionalText("runbook");
        return new Service(id, name, description, team, policy, ackTimeout, integrations, supportHours, outside, rules, grouping, runbook);
    }

    private static Integration parseIntegration(Value value, String serviceId) {
        Fields fields = value.fields("type", "key", "secret", "rate_limit", "default_severity", "high_priorities");
        List<String> types = Arrays.stream(Integration.Type.values()).map(Integration.Type::wireName).toList();
        Integration.Type type = fields.required("type", v -> {
            String text = v.text();
            if (text == null) return null;
            return Integration.Type.parse(text).orElseGet(() -> {
                v.problem("unknown integration type '" + text + "'" + Suggestions.hint(text, types)
                        + "; expected one of: " + String.join(", ", types));
                return null;
            });
        });
        String key = fields.text("key");
        if (key != null && !KEY.matcher(key).matches()) {
            fields.optional("key").problem("integration key must be 8 to 128 characters of letters, digits, '.', '_', '~' or '-'");
        }
        var secret = fields.optional("secret", v -> v.secret(Tree.secretName(serviceId, type == null ? null : type.wireName(), "secret")));
        if (secret != null && type != Integration.Type.GRAFANA) {
            fields.optional("secret").problem("only grafana integrations take a secret (it verifies Grafana's HMAC signature)");
        }
        Integer rate = fields.optional("rate_limit", v -> v.integer(1, MAX_RATE_LIMIT));
        List<String> severities = Arrays.stream(Severity.values()).map(Severity::wireName).toList();
        Severity severity = fields.optional("default_severity", v -> {
            String text = v.text();
            if (text == null) return null;
            return severities.contains(text) ? Severity.parse(text).orElseThrow() : reject(v, text, severities);
        });
        List<String> highPriorities = highPriorities(fields, type);
        return new Integration(type, key, secret,
                rate == null ? IntegrationBinding.DEFAULT_RATE_LIMIT_PER_SECOND : rate,
                severity == null ? IntegrationBinding.DEFAULT_SEVERITY : severity, highPriorities);
    }

    /** Opsgenie's priorities that page with high urgency: a list of P1…P5, by default P1 and P2. */
    private static List<String> highPriorities(Fields fields, Integration.Type type) {
        Value given = fields.optional("high_priorities");
        if (type != Integration.Type.OPSGENIE) {
            if (given != null) given.problem("only opsgenie integrations take high_priorities (they map Opsgenie's P1-P5 to urgency)");
            return List.of();
        }
        if (given == null) return IntegrationBinding.DEFAULT_HIGH_PRIORITIES;
        List<String> priorities = new ArrayList<>();
        for (Value item : given.itemsOrOne()) {
            String text = item.text();
            if (text == null) continue;
            String priority = text.trim().toUpperCase(java.util.Locale.ROOT);
            if (!OPSGENIE_PRIORITIES.contains(priority)) {
                item.problem("unknown priority '" + text + "'; expected one of: " + String.join(", ", OPSGENIE_PRIORITIES));
            } else if (!priorities.contains(priority)) {
                priorities.add(priority);
            }
        }
        return priorities.stream().sorted().toList();
    }

    private static final List<String> OPSGENIE_PRIORITIES = List.of("P1", "P2", "P3", "P4", "P5");

    private static Severity reject(Value value, String text, List<String> severities) {
        value.problem("unknown severity '" + text + "'; expected one of: " + String.join(", ", severities));
        return null;
    }

    static Map<String, Object> write(Service service, SecretStyle secrets) {
        Map<String, Object> out = Tree.map();
        Tree.plain(out, "id", service.id());
        Tree.text(out, "name", service.name());
        Tree.text(out, "description", service.description());
        Tree.plain(out, "team", service.team());
        Tree.plain(out, "escalation_policy", service.escalationPolicy());
        if (service.ackTimeout() != null) Tree.plain(out, "ack_timeout", dev.tocsin.time.Durations.format(service.ackTimeout()));
        SupportHoursSection.write(out, service.supportHours());
        if (service.outsideSupportHours() != Service.DEFAULT_OUTSIDE_SUPPORT_HOURS) {
            Map<String, Object> urgency = Tree.map();
            Tree.plain(urgency, "outside_support_hours", service.outsideSupportHours().wireName());
            out.put("urgency", urgency);
        }
        out.put("integrations", service.integrations().stream().map(integration -> {
            Map<String, Object> item = Tree.map();
            Tree.plain(item, "type", integration.type().wireName());
            Tree.text(item, "key", integration.key());
            if (integration.secret() != null) item.put("secret", secrets.render(integration.secret()));
            Tree.plain(item, "rate_limit", integration.rateLimitPerSecond());
            Tree.plain(item, "default_severity", integration.defaultSeverity().wireName());
            if (integration.type() == Integration.Type.OPSGENIE) item.put("high_priorities", integration.highPriorities());
            return item;
        }).toList());
        if (!service.rules().isEmpty()) out.put("rules", service.rules().stream().map(RuleSection::write).toList());
        if (service.grouping() != null) out.put("grouping", RuleSection.write(service.grouping()));
        Tree.text(out, "runbook", service.runbook());
        return out;
    }
}
