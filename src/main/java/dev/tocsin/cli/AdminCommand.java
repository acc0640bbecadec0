package dev.tocsin.cli;

import dev.tocsin.auth.IssuedToken;
import dev.tocsin.auth.Role;
import dev.tocsin.auth.TokenStore;
import dev.tocsin.store.Database;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Clock;

/** {@code tocsin admin …}: work directly on the database, for bootstrapping. */
@Command(name = "admin", mixinStandardHelpOptions = true,
        description = "Administration directly on the database (bootstrap).",
        subcommands = {AdminCommand.CreateToken.class, AdminCommand.SetPassword.class})
final class AdminCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "create-token", mixinStandardHelpOptions = true,
            description = "Create an API token directly in the database and print it (shown once).")
    static final class CreateToken implements Runnable {
        @Option(names = "--database-url", defaultValue = "${env:TOCSIN_DATABASE_URL:-" + Database.DEFAULT_URL + "}",
                description = "JDBC URL (env TOCSIN_DATABASE_URL; default ${DEFAULT-VALUE}).")
        String databaseUrl;

        @Option(names = "--user", required = true, description = "User the token acts as (recorded on every action).")
        String user;

        @Option(names = "--role", defaultValue = "admin", description = "admin, responder or observer (default ${DEFAULT-VALUE}).")
        String role;

        @Option(names = "--label", description = "What the token is for.")
        String label;

        @Override
        public void run() {
            Role parsed = Role.fromWireName(role).orElseThrow(() ->
                    new CliException("--role '" + role + "' is not one of admin, responder, observer", 2));
            if (!user.matches("[A-Za-z0-9._@-]{1,100}")) {
                throw new CliException("--user '" + user + "' is not a valid user id (letters, digits, . _ @ -)", 2);
            }
            try (Database database = Database.open(databaseUrl, new SimpleMeterRegistry(), false)) {
                IssuedToken token = new TokenStore(database, Clock.systemUTC()).create(user, parsed, label);
                System.out.println(token.secret());
            }
        }
    }

    @Command(name = "set-password", mixinStandardHelpOptions = true,
            description = "Set a user's web UI password (read from the terminal, or from stdin when piped) and role; "
                    + "ends the user's web sessions.")
    static final class SetPassword implements Runnable {
        @Option(names = "--database-url", defaultValue = "${env:TOCSIN_DATABASE_URL:-" + Database.DEFAULT_URL + "}",
                description = "JDBC URL (env TOCSIN_DATABASE_URL; default ${DEFAULT-VALUE}).")
        String databaseUrl;

        @Option(names = "--user", required = true, description = "The configured user's id.")
        String user;

        @Option(names = "--role", defaultValue = "responder",
                description = "What the user may do in the web UI: admin, responder or observer (default ${DEFAULT-VALUE}).")
        String role;

        @Override
        public void run() {
            Role parsed = Role.fromWireName(role).orElseThrow(() ->
                    new CliException("--role '" + role + "' is not one of admin, responder, observer", 2));
            String password = readPassword();
            dev.tocsin.login.Passwords.problem(password).ifPresent(problem -> {
                throw new CliException("password: " + problem, 2);
            });
            try (Database database = Database.open(databaseUrl, new SimpleMeterRegistry(), false)) {
                boolean configured = new dev.tocsin.config.ConfigService(database, Clock.systemUTC()).current().hasUser(user);
                if (!configured) throw new CliException("--user '" + user + "' is not a configured user", 2);
                new dev.tocsin.login.WebLogins(database, Clock.systemUTC()).setPassword(user, password, parsed);
                System.out.println("Password set for " + user + " (role " + parsed.wireName() + "); their web sessions were ended.");
            }
        }

        private static String readPassword() {
            java.io.Console console = System.console();
            if (console != null) {
                char[] first = console.readPassword("New password: ");
                char[] again = console.readPassword("Again: ");
                if (first == null || again == null || !java.util.Arrays.equals(first, again)) {
                    throw new CliException("the two passwords differ", 2);
                }
                return new String(first);
            }
            try {
                String line = new java.io.BufferedReader(new java.io.InputStreamReader(System.in,
                        java.nio.charset.StandardCharsets.UTF_8)).readLine();
                if (line == null) throw new CliException("no password on stdin", 2);
                return line;
            } catch (java.io.IOException e) {
                throw new CliException("cannot read the password: " + e.getMessage(), 1);
            }
        }
    }
}
