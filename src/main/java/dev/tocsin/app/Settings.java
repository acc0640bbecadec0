package dev.tocsin.app;

import java.nio.file.Path;

/**
 * How a Tocsin server is started: from {@code tocsin serve} flags and environment variables, or by tests.
 *
 * @param host        address to listen on
 * @param port        port to listen on (0 picks a free one)
 * @param databaseUrl JDBC URL: {@code jdbc:sqlite:FILE} or {@code jdbc:postgresql://…}
 * @param publicUrl   the address people and providers reach Tocsin at, or null for {@code http://localhost:<port>}
 * @param configFile  YAML applied at start, or null
 * @param demo        load the demo organisation and print a ready-to-use token
 */
public record Settings(String host, int port, String databaseUrl, String publicUrl, Path configFile, boolean demo) {
    public static final String DEFAULT_HOST = "0.0.0.0";
    public static final int DEFAULT_PORT = 8080;

    public String publicUrlFor(int boundPort) {
        if (publicUrl != null && !publicUrl.isBlank()) return publicUrl.replaceAll("/+$", "");
        return "http://localhost:" + boundPort;
    }
}
