package dev.tocsin.triage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The example configuration of docs/triage.md, read from the document itself so docs and tests cannot drift. */
final class TriageExamples {
    static final String MARKER = "# triage-example";

    private TriageExamples() {
    }

    static String yaml() {
        try {
            String doc = Files.readString(Path.of("docs/triage.md"));
            int start = doc.indexOf("```yaml\n" + MARKER + "\n");
            if (start < 0) throw new IllegalStateException("docs/triage.md has no ```yaml block starting with " + MARKER);
            int from = start + "```yaml\n".length();
            int end = doc.indexOf("\n```", from);
            return doc.substring(from, end + 1);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An Events API v2 trigger with the given custom details (JSON), summary and severity. */
    static String eventsV2(String key, String dedup, String summary, String severity, String source, String customDetails) {
        return eventsV2(key, dedup, summary, severity, source, null, customDetails);
    }

    static String eventsV2(String key, String dedup, String summary, String severity, String source, String component,
                           String customDetails) {
        return "{\"routing_key\":\"" + key + "\",\"event_action\":\"trigger\",\"dedup_key\":\"" + dedup + "\","
                + "\"payload\":{\"summary\":\"" + summary + "\",\"source\":\"" + source + "\",\"severity\":\"" + severity + "\""
                + (component == null ? "" : ",\"component\":\"" + component + "\"")
                + ",\"custom_details\":" + customDetails + "}}";
    }

    /** An Alertmanager webhook with one firing alert per {labels, annotations} pair given as JSON. */
    static String alertmanager(String... alerts) {
        StringBuilder body = new StringBuilder("{\"version\":\"4\",\"status\":\"firing\",\"receiver\":\"tocsin\",\"alerts\":[");
        for (int i = 0; i < alerts.length; i += 3) {
            if (i > 0) body.append(',');
            body.append("{\"status\":\"firing\",\"fingerprint\":\"").append(alerts[i]).append("\",\"labels\":").append(alerts[i + 1])
                    .append(",\"annotations\":").append(alerts[i + 2]).append(",\"startsAt\":\"2026-11-24T22:00:00Z\"}");
        }
        return body.append("]}").toString();
    }
}
