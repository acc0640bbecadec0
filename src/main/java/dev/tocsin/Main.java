package dev.tocsin;

import dev.tocsin.cli.TocsinCommand;
import picocli.CommandLine;

/** Entry point of the tocsin jar. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // Chosen before the first logger exists: logback reads this property once, at start.
        if ("json".equalsIgnoreCase(System.getenv("TOCSIN_LOG_FORMAT"))
                && System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "logback-json.xml");
        }
        System.exit(TocsinCommand.commandLine().execute(args));
    }
}
