package dev.tocsin.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's quick start, as a new user runs it: ./tocsin serve --demo, the printed curl, then the CLI. */
class QuickStartIT {
    @Test
    void theDemoPrintsACurlThatOpensAnIncidentTheCliShows(@TempDir Path workingDirectory) throws Exception {
        int port = ServerProcess.freePort();
        try (ServerProcess server = ServerProcess.start(workingDirectory,
                List.of(ServerProcess.LAUNCHER.toString(), "serve", "--demo", "--port", Integer.toString(port)))) {
            String login = server.awaitLine(line -> line.startsWith("Log in: "), Duration.ofSeconds(120));
            assertThat(login).isEqualTo("Log in: http://localhost:" + port + "/");
            assertThat(server.awaitLine(line -> line.startsWith("email: "), Duration.ofSeconds(5))).isEqualTo("email: alice@example.com");
            String passwordLine = server.awaitLine(line -> line.startsWith("password: "), Duration.ofSeconds(5));
            assertThat(passwordLine).matches("password: [A-Za-z0-9_-]{16}");
            assertSignsIn(port, "alice@example.com", passwordLine.substring("password: ".length()));
            String tokenLine = server.awaitLine(line -> line.contains("Admin token"), Duration.ofSeconds(120));
            String token = tokenLine.substring(tokenLine.indexOf("tcn_")).trim();
            String curl = server.awaitLine(line -> line.strip().startsWith("curl "), Duration.ofSeconds(10)).strip();

            ServerProcess.Result sent = ServerProcess.run(workingDirectory, List.of("bash", "-c", curl));
            assertThat(sent.output()).contains("\"status\":\"success\"");

            List<String> cli = List.of(ServerProcess.LAUNCHER.toString(), "incidents",
                    "--server", "http://localhost:" + port, "--token", token);
            ServerProcess.Result incidents = ServerProcess.run(workingDirectory, cli);
            assertThat(incidents.exitCode()).as(incidents.output()).isZero();
            assertThat(incidents.output()).contains("#1").contains("triggered").contains("customer-api");

            ServerProcess.Result ack = ServerProcess.run(workingDirectory, List.of(ServerProcess.LAUNCHER.toString(),
                    "ack", "1", "--server", "http://localhost:" + port, "--token", token));
            assertThat(ack.output()).contains("#1 acknowledged");
            ServerProcess.Result resolve = ServerProcess.run(workingDirectory, List.of(ServerProcess.LAUNCHER.toString(),
                    "resolve", "#1", "--server", "http://localhost:" + port, "--token", token));
            assertThat(resolve.output()).contains("#1 resolved");
        }
        assertThat(Files.exists(workingDirectory.resolve("data/tocsin.db"))).isTrue();
    }

    /** The printed email and password sign in to the printed URL, and the incident list answers. */
    private static void assertSignsIn(int port, String email, String password) throws Exception {
        java.net.http.HttpClient browser = java.net.http.HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                .followRedirects(java.net.http.HttpClient.Redirect.NORMAL).build();
        String form = "email=" + java.net.URLEncoder.encode(email, java.nio.charset.StandardCharsets.UTF_8)
                + "&password=" + java.net.URLEncoder.encode(password, java.nio.charset.StandardCharsets.UTF_8);
        java.net.http.HttpResponse<String> page = browser.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/login")).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.uri().getPath()).isEqualTo("/incidents");
        assertThat(page.body()).contains("<h1>Incidents</h1>").contains("Alice Keller");
    }
}
