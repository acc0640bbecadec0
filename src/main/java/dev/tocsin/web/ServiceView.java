package dev.tocsin.web;

import dev.tocsin.config.Organisation;
import dev.tocsin.service.Integration;
import dev.tocsin.service.Service;

/**
 * One service: its integrations with the URL a sender posts to, snippets to paste into the sender, and the latest
 * alerts event rules suppressed on it.
 */
public record ServiceView(Service service, Organisation organisation, String publicUrl, boolean mayAct,
                          java.util.List<dev.tocsin.incident.AlertTriageStore.SuppressedAlert> suppressed) {
    public String team() {
        return ServiceListView.teamOf(organisation, service);
    }

    /** The URL this integration's sender posts to. */
    public String endpoint(Integration integration) {
        return switch (integration.type()) {
            case EVENTS_V2 -> publicUrl + "/v2/enqueue";
            case EVENTS_V1 -> publicUrl + "/generic/2010-04-15/create_event.json";
            case ALERTMANAGER -> publicUrl + "/integrations/alertmanager/" + integration.key();
            case GRAFANA -> publicUrl + "/integrations/grafana/" + integration.key();
            case GENERIC -> publicUrl + "/integrations/generic/" + integration.key();
            case OPSGENIE -> publicUrl + "/v2/alerts";
        };
    }

    /** What to paste into the sender's configuration, or null when the URL and key say it all. */
    public String snippet(Integration integration) {
        return switch (integration.type()) {
            case EVENTS_V2 -> """
                    # Prometheus Alertmanager (alertmanager.yml)
                    receivers:
                      - name: tocsin-%s
                        pagerduty_configs:
                          - url: %s
                            routing_key: %s""".formatted(service.id(), endpoint(integration), integration.key());
            case ALERTMANAGER -> """
                    # Prometheus Alertmanager (alertmanager.yml)
                    receivers:
                      - name: tocsin-%s
                        webhook_configs:
                          - url: %s
                            send_resolved: true""".formatted(service.id(), endpoint(integration));
            case OPSGENIE -> """
                    # Prometheus Alertmanager (alertmanager.yml): the key goes in the GenieKey header
                    receivers:
                      - name: tocsin-%s
                        opsgenie_configs:
                          - api_url: %s/
                            api_key: %s
                    # Grafana: Opsgenie contact point, Alert API URL %s, API key as above""".formatted(service.id(),
                    publicUrl, integration.key(), endpoint(integration));
            case GRAFANA -> "# Grafana: Alerting → Contact points → New → Webhook, URL:\n" + endpoint(integration)
                    + (integration.secret() != null ? "\n# and the HMAC signature secret configured for this integration" : "");
            case EVENTS_V1 -> "# PagerDuty Events API v1 senders: service_key " + integration.key() + ", URL " + endpoint(integration);
            case GENERIC -> "curl -X POST " + endpoint(integration) + " -H 'Content-Type: application/json' \\\n"
                    + "  -d '{\"summary\":\"Disk full on db-1\",\"severity\":\"critical\",\"dedup_key\":\"db-1-disk\"}'";
        };
    }

    public String policy() {
        return service.escalationPolicy() == null ? "none" : service.escalationPolicy();
    }
}
