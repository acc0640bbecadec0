package dev.tocsin.cli;

import picocli.CommandLine.Option;

/** {@code --server} and {@code --token}, shared by every command that talks to a running server. */
public final class ServerOptions {
    @Option(names = "--server", defaultValue = "${env:TOCSIN_SERVER:-http://localhost:8080}",
            description = "Tocsin server URL (env TOCSIN_SERVER; default ${DEFAULT-VALUE}).")
    String server;

    @Option(names = "--token", defaultValue = "${env:TOCSIN_TOKEN}",
            description = "API token (env TOCSIN_TOKEN).")
    String token;

    public ApiClient client() {
        if (token == null || token.isBlank()) {
            throw new CliException("no API token: pass --token or set TOCSIN_TOKEN "
                    + "(create one with 'tocsin admin create-token')", 2);
        }
        return new ApiClient(server, token);
    }
}
