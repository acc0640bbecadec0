package dev.tocsin.migrate.opsgenie;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Opsgenie integrations → Tocsin services, one per integration, owned by the integration's team and paged
 * through the team's policy; the integration key is kept where Opsgenie shows it, so senders only change the
 * URL. Heartbeats open incidents on their team's first service.
 */
final class ServiceImport {
    private static final String KEY = "[A-Za-z0-9._~-]{8,128}";

    private final Mapping mapping;

    ServiceImport(Mapping mapping) {
        this.mapping = mapping;
    }

    Map<String, Object> map(JsonNode integration) {
        String name = integration.path("name").asText();
        String type = integration.path("type").asText();
        String teamSource = integration.path("ownerTeam").path("id").asText(integration.path("teamId").asText(""));
        String team = mapping.team(teamSource);
        String policy = team == null ? null : mapping.policyOfTeam.get(team);
        if (policy == null) {
            mapping.report.mapped("integration", name + " (" + type + ")", "not imported: "
                    + (team == null ? "no owner team" : "team " + team + " has no escalation policy to page"));
            mapping.report.unmapped("integration", name, "integration without an escalation path",
                    "a Tocsin service needs an escalation policy", "add a service with a policy by hand");
            return null;
        }
        // Alertmanager's opsgenie_configs, Grafana's Opsgenie contact point and API senders all speak Opsgenie's Alert
        // API with this integration's key: Tocsin's opsgenie integration answers it, so they only change their api_url.
        String tocsinType = switch (type) {
            case "API", "Prometheus", "Alertmanager", "Grafana" -> "opsgenie";
            default -> "generic";
        };
        if (tocsinType.equals("generic")) {
            mapping.report.unmapped("integration", name, "type " + type,
                    "Tocsin has no " + type + " sender format", "a generic webhook integration, or point the sender at Tocsin's Opsgenie-compatible alert API");
        }
        String key = integration.path("apiKey").asText("");
        if (!key.matches(KEY)) {
            key = UUID.randomUUID().toString().replace("-", "");
            mapping.report.unmapped("integration", name, "API key", "Opsgenie did not show the key to this token",
                    "a new key " + key + ": give it to the senders");
        }
        if (!integration.path("enabled").asBoolean(true)) {
            mapping.report.unmapped("integration", name, "disabled", "Tocsin integrations cannot be disabled", "imported enabled");
        }
        String id = mapping.serviceIds.of(name);
        mapping.serviceOfTeam.putIfAbsent(team, id);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("name", name);
        out.put("team", team);
        out.put("escalation_policy", policy);
        out.put("integrations", List.of(Map.of("type", tocsinType, "key", key)));
        mapping.report.mapped("integration", name + " (" + type + ")", "service " + id + " with a " + tocsinType + " integration");
        return out;
    }

    Map<String, Object> heartbeat(JsonNode heartbeat) {
        String name = heartbeat.path("name").asText();
        String team = mapping.team(heartbeat.path("ownerTeam").path("id").asText(heartbeat.path("ownerTeam").path("name").asText("")));
        String service = team == null ? null : mapping.serviceOfTeam.get(team);
        if (service == null) {
            mapping.report.mapped("heartbeat", name, "not imported: its team has no imported service to open incidents on");
            mapping.report.unmapped("heartbeat", name, "heartbeat without a service", "a Tocsin heartbeat opens incidents on a service",
                    "add it by hand under heartbeats:");
            return null;
        }
        long amount = heartbeat.path("interval").asLong(10);
        long minutes = switch (heartbeat.path("intervalUnit").asText("minutes")) {
            case "hours" -> amount * 60;
            case "days" -> amount * 1440;
            default -> amount;
        };
        minutes = Math.max(1, Math.min(minutes, 5 * 10080));
        String id = mapping.heartbeatIds.of(name);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("name", name);
        if (!heartbeat.path("description").asText("").isBlank()) out.put("description", heartbeat.path("description").asText());
        out.put("service", service);
        out.put("interval", Durations.text(minutes));
        mapping.report.mapped("heartbeat", name, "heartbeat " + id + " on service " + service);
        mapping.report.unmapped("heartbeat", name, "ping URL", "Opsgenie pings /v2/heartbeats/" + name + "/ping with the API key",
                "point the sender at /integrations/heartbeat/" + id);
        if (!heartbeat.path("enabled").asBoolean(true)) {
            mapping.report.unmapped("heartbeat", name, "disabled", "Tocsin heartbeats cannot be disabled", "imported; remove it if unused");
        }
        return out;
    }
}
