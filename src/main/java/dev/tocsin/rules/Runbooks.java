package dev.tocsin.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tocsin.incident.AlertEvent;
import dev.tocsin.incident.AlertTriage.Decision;

import java.util.Locale;

/**
 * The runbook an alert names itself: Alertmanager's and Grafana's {@code runbook_url} annotation (Grafana's
 * "Runbook URL" field arrives as that annotation), a {@code runbook_url} / {@code runbook} in PagerDuty's
 * {@code custom_details} or the generic {@code details}, or a PagerDuty link whose text or address says "runbook".
 */
final class Runbooks {
    private Runbooks() {
    }

    static Decision<String> of(AlertEvent event) {
        JsonNode details = event.details();
        if (details != null && details.isObject()) {
            String annotated = text(details.path("annotations").path("runbook_url"));
            if (annotated != null) return new Decision<>(annotated, "the alert's runbook_url annotation");
            String annotatedText = text(details.path("annotations").path("runbook"));
            if (annotatedText != null) return new Decision<>(annotatedText, "the alert's runbook annotation");
            String detail = text(details.path("runbook_url"));
            if (detail == null) detail = text(details.path("runbook"));
            if (detail != null) return new Decision<>(detail, "the alert's details");
        }
        for (AlertEvent.Link link : event.links()) {
            if (mentionsRunbook(link.text()) || mentionsRunbook(link.href())) {
                return new Decision<>(link.href(), "the alert's links");
            }
        }
        return null;
    }

    private static boolean mentionsRunbook(String text) {
        return text != null && text.toLowerCase(Locale.ROOT).contains("runbook");
    }

    private static String text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }
}
