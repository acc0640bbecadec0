package dev.tocsin.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tocsin.config.IntegrationBinding;
import dev.tocsin.incident.AlertEvent;

import java.time.Instant;
import java.util.List;

/**
 * Grafana-managed alerting's webhook contact point, payload version 1 ({@code POST /integrations/grafana/{key}}):
 * Alertmanager's shape plus {@code title}, {@code message}, {@code state} and per alert dashboard, panel and
 * silence URLs and the evaluated values. The signature is checked by {@link GrafanaSignature} before parsing.
 */
public final class GrafanaWebhook {
    public static final String FORMAT = "grafana";
    private static final List<String> DETAIL_FIELDS = List.of("values", "valueString", "silenceURL", "dashboardURL",
            "panelURL", "imageURL", "ruleUID");

    private GrafanaWebhook() {
    }

    public static ParseResult<List<AlertEvent>> parse(byte[] body, IntegrationBinding binding, Instant receivedAt) {
        return Fields.object(body)
                .map(webhook -> parse(webhook, binding, receivedAt))
                .orElseGet(() -> new ParseResult.Unrecognized<>("JSON parse error"));
    }

    public static ParseResult<List<AlertEvent>> parse(ObjectNode webhook, IntegrationBinding binding, Instant receivedAt) {
        JsonNode title = webhook.get("title");
        String fallbackSummary = title != null && title.isTextual() ? title.asText() : null;
        return WebhookAlerts.parse(webhook, binding, FORMAT, fallbackSummary, (alert, details, links, path, problems) -> {
            for (String field : DETAIL_FIELDS) {
                JsonNode value = alert.get(field);
                if (!Fields.absent(value)) details.set(field, value);
            }
            String dashboard = Fields.nonBlank(alert, "dashboardURL", path + ".dashboardURL", problems);
            String panel = Fields.nonBlank(alert, "panelURL", path + ".panelURL", problems);
            if (dashboard != null) links.add(new AlertEvent.Link(dashboard, "Dashboard"));
            if (panel != null) links.add(new AlertEvent.Link(panel, "Panel"));
        });
    }
}
