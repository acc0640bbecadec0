package dev.tocsin.cli;

import dev.tocsin.testing.TestServer;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the {@code tocsin} command in process against a test server, for tests outside this package. */
public final class CliRunner {
    public record Run(int exit, String out, String err) {
    }

    private CliRunner() {
    }

    public static Run run(TestServer server, String token, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = TocsinCommand.commandLine();
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                java.util.stream.Stream.of("--server", server.baseUrl(), "--token", token)).toArray(String[]::new);
        int exit = commandLine.setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(all);
        return new Run(exit, out.toString(), err.toString());
    }
}
