package dev.tocsin.cli;

import dev.tocsin.app.Demo;
import dev.tocsin.app.Settings;
import dev.tocsin.app.Version;
import dev.tocsin.app.Tocsin;
import dev.tocsin.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;

/** {@code tocsin serve}: runs the server until interrupted. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the Tocsin server (HTTP API, ingestion, engine).")
final class ServeCommand implements Runnable {
    @Option(names = "--port", defaultValue = "${env:TOCSIN_PORT:-8080}",
            description = "Port to listen on (env TOCSIN_PORT; default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = "${env:TOCSIN_HOST:-0.0.0.0}",
            description = "Address to listen on (env TOCSIN_HOST; default ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--database-url", defaultValue = "${env:TOCSIN_DATABASE_URL:-" + Database.DEFAULT_URL + "}",
            description = "JDBC URL: jdbc:sqlite:FILE or jdbc:postgresql://HOST:PORT/DB?user=U "
                    + "(env TOCSIN_DATABASE_URL; default ${DEFAULT-VALUE}).")
    String databaseUrl;

    @Option(names = "--public-url", defaultValue = "${env:TOCSIN_PUBLIC_URL}",
            description = "Address people and providers reach Tocsin at, used in links and webhook signatures "
                    + "(env TOCSIN_PUBLIC_URL; default http://localhost:<port>).")
    String publicUrl;

    @Option(names = "--config", description = "Configuration YAML to apply at start.")
    Path configFile;

    @Option(names = "--demo", description = "Load a demo organisation and print a token and a curl to try it.")
    boolean demo;

    @Override
    public void run() {
        Settings settings = new Settings(host, port, databaseUrl, publicUrl, configFile, demo);
        Tocsin tocsin = Tocsin.start(settings, Clock.systemUTC());
        String banner;
        try {
            banner = demo ? Demo.banner(tocsin, Demo.load(tocsin))
                    : "Tocsin " + Version.current() + " is running at " + tocsin.publicUrl()
                            + " (database " + tocsin.database().describe() + ")";
        } catch (RuntimeException e) {
            tocsin.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            tocsin.close();
            stopped.countDown();
        }, "tocsin-shutdown"));
        // A node whose database writer or timer engine died accepts nothing: end it (halt: closing would wait on
        // the dead thread) so its supervisor starts a healthy one. What was accepted is committed already.
        tocsin.vitals().watch(status -> Runtime.getRuntime().halt(status));
        System.out.println(banner);
        System.out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
