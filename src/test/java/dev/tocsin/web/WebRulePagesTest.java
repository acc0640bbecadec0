package dev.tocsin.web;

import dev.tocsin.auth.Role;
import dev.tocsin.testing.TestDatabases;
import dev.tocsin.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules page with its tester, and an incident page showing its runbook. */
class WebRulePagesTest {
    private static String docsExample() throws Exception {
        String doc = Files.readString(Path.of("docs/triage.md"));
        int from = doc.indexOf("```yaml\n# triage-example\n") + "```yaml\n".length();
        return doc.substring(from, doc.indexOf("\n```", from) + 1);
    }

    @Test
    void theRulesPageListsTheRulesAndTestsAPastedEvent() throws Exception {
        try (TestServer server = TestServer.start(TestDatabases.Kind.SQLITE, docsExample())) {
            server.tocsin().webLogins().setPassword("alice", "correct horse battery", Role.OBSERVER);
            FormClient browser = new FormClient(server.baseUrl());
            browser.signIn("alice@example.com", "correct horse battery");

            FormClient.Page page = browser.get("/rules");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("<strong>cert-far</strong>: when details.hours_left gt 72 or annotations.hours_left gt 72 → urgency low")
                    .contains("grouping key {{labels.cluster}}, window 30m").contains("Rule tester");

            Map<String, String> form = new LinkedHashMap<>();
            form.put("_csrf", page.csrf());
            form.put("service", "certificates");
            form.put("format", "generic");
            form.put("event", "{\"summary\":\"cert expires\",\"details\":{\"hours_left\":5}}");
            FormClient.Page tested = browser.post("/rules", form);
            assertThat(tested.status()).isEqualTo(200);
            assertThat(tested.body()).contains("Matched: cert-near (top level)").contains("Urgency: high (rule 'cert-near')");

            form.put("event", "not json");
            FormClient.Page refused = browser.post("/rules", form);
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.body()).contains("is not a generic event");
        }
    }

    @Test
    void anIncidentPageLinksItsRunbook() throws Exception {
        try (TestServer server = TestServer.start(TestDatabases.Kind.SQLITE, docsExample())) {
            server.tocsin().webLogins().setPassword("alice", "correct horse battery", Role.OBSERVER);
            server.http().anonymous().postJson("/integrations/alertmanager/am-certificates-8c9d0e1f", """
                    {"version":"4","status":"firing","alerts":[{"status":"firing","fingerprint":"f1",
                     "labels":{"alertname":"CertExpiry","severity":"critical"},
                     "annotations":{"summary":"cert expires","runbook_url":"https://runbooks.example.com/certs"}}]}""");
            FormClient browser = new FormClient(server.baseUrl());
            browser.signIn("alice@example.com", "correct horse battery");

            FormClient.Page incident = browser.get("/incidents/1");

            assertThat(incident.body()).contains("<a href=\"https://runbooks.example.com/certs\" rel=\"noopener noreferrer\">https://runbooks.example.com/certs</a>");
        }
    }

    @Test
    void aServicePageListsTheAlertsRulesSuppressed() throws Exception {
        try (TestServer server = TestServer.start(TestDatabases.Kind.SQLITE, docsExample())) {
            server.tocsin().webLogins().setPassword("alice", "correct horse battery", Role.OBSERVER);
            server.http().anonymous().postJson("/integrations/alertmanager/am-storage-0a1b2c3d", """
                    {"version":"4","status":"firing","alerts":[{"status":"firing","fingerprint":"st1",
                     "labels":{"alertname":"DiskUsageHigh","env":"staging"},"annotations":{"summary":"staging disk"}}]}""");
            FormClient browser = new FormClient(server.baseUrl());
            browser.signIn("alice@example.com", "correct horse battery");

            FormClient.Page page = browser.get("/services/storage");

            assertThat(page.body()).contains("Suppressed alerts").contains("staging disk")
                    .contains("rule staging-quiet").contains("Runbook:</strong> https://wiki.example.com/runbooks/storage");
        }
    }
}
