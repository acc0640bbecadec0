package dev.tocsin.ingest;

import dev.tocsin.incident.AlertAction;
import dev.tocsin.incident.AlertEvent;
import dev.tocsin.urgency.Severity;
import org.junit.jupiter.api.Test;

import static dev.tocsin.ingest.Payloads.RECEIVED_AT;
import static dev.tocsin.ingest.Payloads.binding;
import static dev.tocsin.ingest.Payloads.bytes;
import static dev.tocsin.ingest.Payloads.json;
import static dev.tocsin.ingest.Payloads.parsed;
import static dev.tocsin.ingest.Payloads.problems;
import static org.assertj.core.api.Assertions.assertThat;

class GenericWebhookTest {
    private static final String KEY = "gen-customer-api-1a2b3c4d";

    @Test
    void readsTheDocumentedShapeAsATrigger() {
        AlertEvent event = parsed(GenericWebhook.parse(bytes("generic-trigger.json"), binding("generic", KEY), RECEIVED_AT));

        assertThat(event.action()).isEqualTo(AlertAction.TRIGGER);
        assertThat(event.format()).isEqualTo("generic");
        assertThat(event.dedupKey()).isEqualTo("backup-db-2");
        assertThat(event.summary()).isEqualTo("Nightly backup failed on db-2");
        assertThat(event.severity()).isEqualTo(Severity.WARNING);
        assertThat(event.source()).isEqualTo("backup.sh");
        assertThat(event.details().get("exit_code").asInt()).isEqualTo(3);
    }

    @Test
    void resolvesByDedupKeyAndGeneratesAKeyForABareTrigger() {
        AlertEvent resolve = parsed(GenericWebhook.parse(json("{\"action\":\"resolve\",\"dedup_key\":\"backup-db-2\"}"),
                binding("generic", KEY), RECEIVED_AT));
        AlertEvent bare = parsed(GenericWebhook.parse(json("{\"summary\":\"it broke\",\"severity\":\"sev1\"}"),
                binding("generic", KEY), RECEIVED_AT));

        assertThat(resolve.action()).isEqualTo(AlertAction.RESOLVE);
        assertThat(bare.dedupKey()).matches("[0-9a-f]{32}");
        assertThat(bare.severity()).isEqualTo(Severity.WARNING);
        assertThat(bare.sentSeverity()).isEqualTo("sev1");
    }

    @Test
    void listsEveryProblem() {
        assertThat(problems(GenericWebhook.parse(bytes("generic-invalid.json"), binding("generic", KEY), RECEIVED_AT)))
                .containsExactlyInAnyOrder(
                        "'action' must be trigger, acknowledge or resolve (was 'escalate')",
                        "'summary' must be a string");
        assertThat(problems(GenericWebhook.parse(json("{\"action\":\"acknowledge\"}"), binding("generic", KEY), RECEIVED_AT)))
                .containsExactly("'dedup_key' is required for acknowledge");
    }
}
