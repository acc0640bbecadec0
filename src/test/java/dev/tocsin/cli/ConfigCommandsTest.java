package dev.tocsin.cli;

import dev.tocsin.testing.TestDatabases;
import dev.tocsin.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code tocsin apply} and {@code tocsin export} against a real server. */
class ConfigCommandsTest {
    private static final Map<String, String> ENV = Map.of(
            "TWILIO_ACCOUNT_SID", "AC1", "TWILIO_AUTH_TOKEN", "token-1", "SMTP_PASSWORD", "password-1");

    private record Run(int exit, String out, String err) {
    }

    private static Run apply(Map<String, String> environment, String... args) {
        ApplyCommand command = new ApplyCommand();
        command.environment = environment;
        return run(new CommandLine(command), args);
    }

    private static Run run(CommandLine commandLine, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setExecutionExceptionHandler(new CliErrors());
        int exit = commandLine.setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"apply", "export"})
    void bothCommandsHaveHelp(String command) {
        Run help = run(TocsinCommand.commandLine(), command, "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("Usage: tocsin " + command).contains("--server");
    }

    @Test
    void applyPrintsTheDifferenceAndExportPrintsTheYaml(@TempDir Path directory) throws IOException {
        try (TestServer server = TestServer.start(TestDatabases.Kind.SQLITE, null)) {
            Path file = directory.resolve("org.yaml");
            Files.writeString(file, TestServer.resource("config/example.yaml"));
            String[] target = {"--server", server.baseUrl(), "--token", server.adminToken()};

            Run dryRun = apply(ENV, concat(new String[] {"-f", file.toString(), "--dry-run"}, target));
            assertThat(dryRun.exit()).as(dryRun.err()).isZero();
            assertThat(dryRun.out()).contains("+ user alice (created)").contains("dry run: 10 created");
            assertThat(server.tocsin().config().current().hasUser("alice")).isFalse();

            Run applied = apply(ENV, concat(new String[] {"-f", file.toString()}, target));
            assertThat(applied.out()).contains("+ service customer-api (created)", "+ provider twilio (created)",
                    "10 created, 0 changed, 0 removed, 0 unchanged; revision 1");
            assertThat(server.tocsin().config().current().twilio().orElseThrow().authToken().value()).isEqualTo("token-1");

            Files.writeString(file, Files.readString(file).replace("users: [alice, bob]", "users: [bob, alice]")
                    .replaceAll("(?s)services:.*", ""));
            Run changed = apply(ENV, concat(new String[] {"-f", file.toString(), "--no-prune"}, target));
            assertThat(changed.out().lines()).containsExactly(
                    "~ schedule platform-primary (changed: layers[0].users)",
                    "= service customer-api (kept (not in file))",
                    "= provider twilio (kept (not in file))",
                    "= provider smtp (kept (not in file))",
                    "0 created, 1 changed, 0 removed, 3 kept, 6 unchanged; revision 2");

            Run pruned = apply(ENV, concat(new String[] {"-f", file.toString()}, target));
            assertThat(pruned.out()).contains("- service customer-api (removed)", "- provider smtp (removed)");

            Run export = run(TocsinCommand.commandLine(), concat(new String[] {"export"}, target));
            assertThat(export.exit()).isZero();
            assertThat(export.out()).contains("users:", "  - id: alice").doesNotContain("customer-api");
        }
    }

    @Test
    void aMissingVariableOrAnInvalidFileIsReportedLineByLine(@TempDir Path directory) throws IOException {
        try (TestServer server = TestServer.start(TestDatabases.Kind.SQLITE, null)) {
            Path file = directory.resolve("org.yaml");
            Files.writeString(file, TestServer.resource("config/example.yaml"));
            String[] target = {"--server", server.baseUrl(), "--token", server.adminToken()};

            Run missing = apply(Map.of("TWILIO_ACCOUNT_SID", "AC1"), concat(new String[] {"-f", file.toString()}, target));
            assertThat(missing.exit()).isEqualTo(1);
            assertThat(missing.err().lines()).containsExactly(
                    "org.yaml:76: environment variable 'TWILIO_AUTH_TOKEN' is not set",
                    "org.yaml:77: environment variable 'SMTP_PASSWORD' is not set");

            Files.writeString(file, "users:\n  - { id: x, name: X, timezone: Mars/Olympus }\n  - { id: x, name: Y }\n");
            Run invalid = apply(ENV, concat(new String[] {"-f", file.toString()}, target));
            assertThat(invalid.exit()).isEqualTo(1);
            assertThat(invalid.err()).contains("2 problems in org.yaml",
                    "org.yaml:2: users[0].timezone: unknown time zone 'Mars/Olympus'",
                    "org.yaml:3: users[1].id: duplicate user id 'x' (first at users[0])");
            assertThat(server.tocsin().config().current().hasUser("x")).isFalse();
        }
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = new String[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
