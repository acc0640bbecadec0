package dev.tocsin.ingest;

import dev.tocsin.incident.AlertEvent;
import dev.tocsin.incident.AlertOutcome;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The per-alert summary in the answers of the webhook endpoints (Alertmanager, Grafana, generic). */
final class Outcomes {
    private Outcomes() {
    }

    static List<Map<String, Object>> describe(List<AlertEvent> events, List<AlertOutcome> outcomes) {
        List<Map<String, Object>> described = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            AlertOutcome outcome = i < outcomes.size() ? outcomes.get(i) : null;
            Map<String, Object> alert = new LinkedHashMap<>();
            alert.put("dedup_key", events.get(i).dedupKey());
            alert.put("action", events.get(i).action().wireName());
            if (outcome != null) {
                alert.put("result", outcome.result().name().toLowerCase(Locale.ROOT));
                if (outcome.incidentId() != null) alert.put("incident_id", outcome.incidentId());
            }
            described.add(alert);
        }
        return described;
    }
}
