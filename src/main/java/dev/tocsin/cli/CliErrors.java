package dev.tocsin.cli;

import dev.tocsin.config.ConfigException;
import dev.tocsin.store.StorageException;
import picocli.CommandLine;

/** Turns known failures into a clear message and exit code instead of a stack trace. */
final class CliErrors implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        if (e instanceof CliException cli) {
            commandLine.getErr().println("tocsin: " + cli.getMessage());
            return cli.exitCode();
        }
        if (e instanceof ConfigException config) {
            // Every problem on its own line, as the file:line: path: reason list the operator fixes from.
            commandLine.getErr().println("tocsin: " + config.getMessage());
            return 1;
        }
        if (e instanceof StorageException storage) {
            commandLine.getErr().println("tocsin: " + storage.getMessage());
            return 3;
        }
        if (e instanceof java.io.UncheckedIOException || e instanceof java.io.IOException) {
            commandLine.getErr().println("tocsin: " + e.getMessage());
            return 3;
        }
        throw new RuntimeException(e);
    }
}
