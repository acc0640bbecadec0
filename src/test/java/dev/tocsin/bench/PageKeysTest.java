package dev.tocsin.bench;

import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class PageKeysTest {
    @Test
    void findsTheKeyInAWebhookBody() {
        String body = "{\"type\":\"incident.page\",\"data\":{\"subject\":\"#42 Bench page pb-mhx3k2-17\","
                + "\"text\":\"#42 Bench page pb-mhx3k2-17\\nService: Bench paging\"}}";

        assertThat(PageKeys.in(body)).containsExactly("pb-mhx3k2-17");
    }

    @Test
    void findsEveryIncidentOfABundledSmsInOrder() {
        String text = "Tocsin: 2 incidents: #5 [high] Bench page pb-run-3 — open 0m; #6 [high] Bench page pb-runw-12 — open 0m";

        assertThat(PageKeys.in("{\"to\":\"+15550000001\",\"message\":\"" + text + "\"}"))
                .containsExactly("pb-run-3", "pb-runw-12");
        assertThat(PageKeys.in("to=%2B15550000001&text=" + URLEncoder.encode(text, StandardCharsets.UTF_8)))
                .containsExactly("pb-run-3", "pb-runw-12");
    }

    @Test
    void aKeyRepeatedInOneBodyCountsOnceAndOtherTextNone() {
        assertThat(PageKeys.in("pb-a1-9 and again pb-a1-9")).containsExactly("pb-a1-9");
        assertThat(PageKeys.in("Tocsin #123 [high] Disk full on db-1")).isEmpty();
    }

    @Test
    void keysAreWhatTheEventsCarry() {
        assertThat(PageKeys.in(BenchOrganisation.trigger(PageKeys.key("mhx3k2", 17)))).containsExactly("pb-mhx3k2-17");
    }
}
