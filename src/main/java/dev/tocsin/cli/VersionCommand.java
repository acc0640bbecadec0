package dev.tocsin.cli;

import dev.tocsin.app.Version;
import picocli.CommandLine.Command;

/** {@code tocsin version}. */
@Command(name = "version", mixinStandardHelpOptions = true, description = "Print the version of Tocsin.")
final class VersionCommand implements Runnable {
    @Override
    public void run() {
        System.out.println("tocsin " + Version.current());
    }
}
