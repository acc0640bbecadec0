package dev.tocsin.ingest;

import dev.tocsin.incident.AlertAction;
import dev.tocsin.incident.AlertEvent;
import dev.tocsin.urgency.Severity;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.tocsin.ingest.Payloads.RECEIVED_AT;
import static dev.tocsin.ingest.Payloads.binding;
import static dev.tocsin.ingest.Payloads.bytes;
import static dev.tocsin.ingest.Payloads.parsed;
import static org.assertj.core.api.Assertions.assertThat;

class GrafanaWebhookTest {
    private static final String KEY = "gf-customer-api-5d6e7f80";
    private static final String SECRET = "grafana-secret-1";
    /** Computed outside Java: {@code hmac.new(b"grafana-secret-1", body, sha256).hexdigest()}. */
    private static final String SIGNATURE = "985cfa5ec96b7189753477579909801cc48c7b42e042fe736bc21554467bde93";
    /** The same over {@code b"1764020000:" + body}. */
    private static final String TIMESTAMPED_SIGNATURE = "9a78b37cc483e01525ce8eb4e49eb2e67f783fa1a77ab82014556f4d097fa273";

    private static List<AlertEvent> parse() {
        return parsed(GrafanaWebhook.parse(bytes("grafana-webhook-v1.json"), binding("grafana", KEY), RECEIVED_AT));
    }

    @Test
    void makesOneEventPerAlertWithGrafanasUrlsAndValues() {
        List<AlertEvent> events = parse();

        assertThat(events).extracting(AlertEvent::dedupKey).containsExactly("57c6d9296de2ad39", "1234abcd5678ef90");
        assertThat(events).extracting(AlertEvent::action).containsExactly(AlertAction.TRIGGER, AlertAction.RESOLVE);
        AlertEvent firing = events.get(0);
        assertThat(firing.format()).isEqualTo("grafana");
        assertThat(firing.summary()).isEqualTo("CPU above 90% on web-1");
        assertThat(firing.severity()).isEqualTo(Severity.WARNING);
        assertThat(firing.details().get("values").get("B").asDouble()).isEqualTo(92.5);
        assertThat(firing.details().get("dashboardURL").asText()).isEqualTo("http://grafana:3000/d/node-exporter?orgId=1");
        assertThat(firing.links()).extracting(AlertEvent.Link::text).containsExactly("Source", "Dashboard", "Panel");
    }

    @Test
    void fallsBackToTheAlertNameForASummary() {
        assertThat(parse().get(1).summary()).isEqualTo("NoData");
        assertThat(parse().get(1).links()).extracting(AlertEvent.Link::text).containsExactly("Source");
    }

    @Test
    void acceptsGrafanasSignatureOfTheBody() {
        assertThat(GrafanaSignature.verify(SECRET, bytes("grafana-webhook-v1.json"), SIGNATURE, null))
                .isEqualTo(GrafanaSignature.Verdict.VALID);
        assertThat(GrafanaSignature.verify(SECRET, bytes("grafana-webhook-v1.json"), SIGNATURE.toUpperCase(), null))
                .isEqualTo(GrafanaSignature.Verdict.VALID);
    }

    @Test
    void acceptsGrafanasSignatureOfTimestampAndBody() {
        assertThat(GrafanaSignature.verify(SECRET, bytes("grafana-webhook-v1.json"), TIMESTAMPED_SIGNATURE, "1764020000"))
                .isEqualTo(GrafanaSignature.Verdict.VALID);
        assertThat(GrafanaSignature.verify(SECRET, bytes("grafana-webhook-v1.json"), TIMESTAMPED_SIGNATURE, "1764020001"))
                .isEqualTo(GrafanaSignature.Verdict.MISMATCH);
    }

    @Test
    void rejectsMissingWrongOrMalformedSignatures() {
        byte[] body = bytes("grafana-webhook-v1.json");
        assertThat(GrafanaSignature.verify(SECRET, body, null, null)).isEqualTo(GrafanaSignature.Verdict.MISSING);
        assertThat(GrafanaSignature.verify(SECRET, body, " ", null)).isEqualTo(GrafanaSignature.Verdict.MISSING);
        assertThat(GrafanaSignature.verify("other-secret", body, SIGNATURE, null)).isEqualTo(GrafanaSignature.Verdict.MISMATCH);
        assertThat(GrafanaSignature.verify(SECRET, body, "not-hex", null)).isEqualTo(GrafanaSignature.Verdict.MISMATCH);
        byte[] tampered = body.clone();
        tampered[10] ^= 1;
        assertThat(GrafanaSignature.verify(SECRET, tampered, SIGNATURE, null)).isEqualTo(GrafanaSignature.Verdict.MISMATCH);
    }
}
