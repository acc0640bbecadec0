package dev.tocsin.cli;

import dev.tocsin.app.Demo;
import dev.tocsin.testing.TestDatabases;
import dev.tocsin.testing.TestServer;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code tocsin noisy} and {@code tocsin resolve N --note} against a real server. */
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
}
