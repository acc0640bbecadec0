package dev.tocsin.cli;

import dev.tocsin.app.Demo;
import dev.tocsin.testing.TestDatabases;
import dev.tocsin.testing.TestServer;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code tocsin noisy}, {@code tocsin resolve N --note}, {@code tocsin incidents merge|rename} against a real server. */
class NoisyCommandTest {
    private static String tocsin(TestServer server, String... args) {
        StringWriter out = new StringWriter();
        CommandLine commandLine = TocsinCommand.commandLine();
        commandLine.setExecutionExceptionHandler(new CliErrors());
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                java.util.stream.Stream.of("--server", server.baseUrl(), "--token", server.adminToken())).toArray(String[]::new);
        int exit = commandLine.setOut(new PrintWriter(out)).setErr(new PrintWriter(new StringWriter())).execute(all);
        assertThat(exit).as(out.toString()).isZero();
        return out.toString();
    }

    @Test
    void listsTheAlertsThatPagedMostWithWhatFixedThem() {
        try (TestServer server = TestServer.start(TestDatabases.Kind.SQLITE, TestServer.resource("demo/organisation.yaml"))) {
            assertThat(tocsin(server, "noisy")).contains("No alert fired in the last 7 days.");
            for (int i = 0; i < 2; i++) {
                assertThat(server.http().anonymous().postJson("/v2/enqueue", "{\"routing_key\":\"" + Demo.EVENTS_KEY
                        + "\",\"event_action\":\"trigger\",\"dedup_key\":\"pods\",\"payload\":{\"summary\":\"Pod count below 3\","
                        + "\"source\":\"k8s\",\"severity\":\"critical\"}}").status()).isEqualTo(202);
                tocsin(server, "resolve", String.valueOf(i + 1), "--note", "scaled the deployment back to 3");
            }
            String out = tocsin(server, "noisy", "--days", "30");
            assertThat(out).contains("PAGES").contains("Pod count below 3 (Customer API)").contains("#2")
                    .contains("fixed: scaled the deployment back to 3");
        }
    }

    @Test
    void mergesAndRenamesIncidents() {
        try (TestServer server = TestServer.start(TestDatabases.Kind.SQLITE, TestServer.resource("demo/organisation.yaml"))) {
            for (String dedup : new String[] {"db1", "db2"}) {
                assertThat(server.http().anonymous().postJson("/v2/enqueue", "{\"routing_key\":\"" + Demo.EVENTS_KEY
                        + "\",\"event_action\":\"trigger\",\"dedup_key\":\"" + dedup + "\",\"payload\":{\"summary\":\"Disk full on "
                        + dedup + "\",\"source\":\"" + dedup + "\",\"severity\":\"critical\"}}").status()).isEqualTo(202);
            }
            assertThat(tocsin(server, "incidents", "rename", "#1", "Disk full on the database cluster"))
                    .contains("#1 is now: Disk full on the database cluster");
            assertThat(tocsin(server, "incidents", "merge", "2", "--into", "#1")).contains("#2").contains("#1");
            assertThat(server.http().get("/api/v1/incidents/2").json().path("incident").path("status").asText()).isEqualTo("resolved");
            assertThat(server.http().get("/api/v1/incidents/1").body()).contains("Disk full on the database cluster").contains("Disk full on db2");
        }
    }

    @Test
    void maintenanceWindowsAreStartedListedAndEnded() {
        try (TestServer server = TestServer.start(TestDatabases.Kind.SQLITE, TestServer.resource("demo/organisation.yaml"))) {
            tocsin(server, "maint", "customer-api", "--for", "30m", "--reason", "database upgrade");
            assertThat(server.http().get("/api/v1/maintenance").body()).contains("database upgrade");
            tocsin(server, "maint", "ls");
            long id = server.http().get("/api/v1/maintenance").json().path("windows").get(0).path("id").asLong();
            tocsin(server, "maint", "end", String.valueOf(id));
            assertThat(server.http().get("/api/v1/maintenance").json().path("windows")).isEmpty();
        }
    }
}
