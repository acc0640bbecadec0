package dev.tocsin.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tocsin export}: prints the server's configuration as YAML that re-applies without changes. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Print the server's configuration as YAML (secrets as ${NAME} placeholders).")
final class ExportCommand implements Runnable {
    @Mixin
    ServerOptions server;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().getOut().print(server.client().getText("/api/v1/config/export"));
        spec.commandLine().getOut().flush();
    }
}
