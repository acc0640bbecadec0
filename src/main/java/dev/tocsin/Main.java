package dev.tocsin;

import dev.tocsin.cli.TocsinCommand;
import picocli.CommandLine;

/** Entry point of the tocsin jar. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(TocsinCommand.commandLine().execute(args));
    }
}
