package dev.tocsin.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tocsin.config.IntegrationBinding;
import dev.tocsin.incident.AlertEvent;

import java.time.Instant;
import java.util.List;

/**
 * Prometheus Alertmanager's webhook receiver payload, version 4 ({@code POST /integrations/alertmanager/{key}}).
 * The {@code receiver} field is regex-quoted by Alertmanager and never used: the URL's key names the service.
 * Each alert's stored raw event is that alert's own JSON, not the whole batch.
 */
public final class AlertmanagerWebhook {
    public static final String FORMAT = "alertmanager";

    private AlertmanagerWebhook() {
    }

    public static ParseResult<List<AlertEvent>> parse(byte[] body, IntegrationBinding binding, Instant receivedAt) {
        return Fields.object(body)
                .map(webhook -> parse(webhook, binding, receivedAt))
                .orElseGet(() -> new ParseResult.Unrecognized<>("JSON parse error"));
    }

    public static ParseResult<List<AlertEvent>> parse(ObjectNode webhook, IntegrationBinding binding, Instant receivedAt) {
        return WebhookAlerts.parse(webhook, binding, FORMAT, null, (alert, details, links, path, problems) -> { });
    }
}
