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
