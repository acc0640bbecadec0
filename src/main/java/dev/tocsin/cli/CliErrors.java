package dev.tocsin.cli;

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
