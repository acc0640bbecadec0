package dev.tocsin.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class CommandLineTest {
    @ParameterizedTest
    @ValueSource(strings = {"serve", "trigger", "incidents", "ack", "resolve", "version", "admin", "admin create-token", "calendar-url", "hours", "calendar-import"})
    void everySubcommandHasHelp(String command) {
        StringWriter out = new StringWriter();
        String[] args = (command + " --help").split(" ");
        int exit = TocsinCommand.commandLine().setOut(new PrintWriter(out)).execute(args);
        assertThat(exit).isZero();
        assertThat(out.toString()).contains("Usage: tocsin " + command);
    }

    /** Every command and subcommand, found by walking the command tree, prints its help cleanly (no picocli warning). */
    @org.junit.jupiter.api.Test
    void everyCommandsHelpPrintsWithoutAWarning() {
        java.util.List<String> paths = new java.util.ArrayList<>();
        collect(TocsinCommand.commandLine(), "", paths);
        assertThat(paths).contains("bench ingest", "serve", "admin create-token");
        java.io.PrintStream originalErr = System.err;
        for (String path : paths) {
            java.io.ByteArrayOutputStream stderr = new java.io.ByteArrayOutputStream();
            StringWriter out = new StringWriter();
            int exit;
            System.setErr(new java.io.PrintStream(stderr, true, java.nio.charset.StandardCharsets.UTF_8));
            try {
                exit = TocsinCommand.commandLine().setOut(new PrintWriter(out)).execute((path + " --help").split(" "));
            } finally {
                System.setErr(originalErr);
            }
            assertThat(exit).as(path).isZero();
            assertThat(out.toString()).as(path).contains("Usage: tocsin " + path);
            assertThat(stderr.toString(java.nio.charset.StandardCharsets.UTF_8)).as(path + " --help on stderr").isEmpty();
        }
    }

    private static void collect(picocli.CommandLine command, String prefix, java.util.List<String> paths) {
        for (var entry : command.getSubcommands().entrySet()) {
            if (!entry.getValue().getCommandName().equals(entry.getKey())) continue;   // an alias
            String path = (prefix + " " + entry.getKey()).strip();
            if (entry.getKey().equals("help")) continue;
            paths.add(path);
            collect(entry.getValue(), path, paths);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ack abc", "resolve #x"})
    void aBadIncidentNumberIsAClearErrorNotAStackTrace(String command) {
        StringWriter err = new StringWriter();
        int exit = TocsinCommand.commandLine().setErr(new PrintWriter(err))
                .execute((command + " --token tcn_x --server http://127.0.0.1:1").split(" "));
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("is not an incident number");
    }
}
