package dev.tocsin.config;

import dev.tocsin.http.Auth;
import dev.tocsin.http.Routes;
import dev.tocsin.store.Database;
import dev.tocsin.trace.Actor;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Configuration as code: parses, validates, applies, diffs and exports the organisation's YAML.
 * (Skeleton: the config work fills this in.)
 */
public final class ConfigService {
    private final Database database;
    private final Clock clock;
    private volatile Organisation current = new Organisation() {
        @Override
        public Optional<IntegrationBinding> integrationByKey(String key) {
            return Optional.empty();
        }

        @Override
        public List<String> serviceIdsOfTeam(String teamId) {
            return List.of();
        }

        @Override
        public Optional<String> serviceName(String serviceId) {
            return Optional.empty();
        }

        @Override
        public boolean hasUser(String userId) {
            return false;
        }
    };

    public ConfigService(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** The configuration in force now. */
    public Organisation current() {
        return current;
    }

    /** Applies a YAML file at start-up ({@code serve --config FILE}); throws with every problem listed if invalid. */
    public void applyFile(Path file, Actor actor) {
        throw new UnsupportedOperationException("not yet");
    }

    /** The /api/v1 endpoints for configuration (apply, export, CRUD per object). */
    public Routes routes(Auth auth) {
        return routes -> { };
    }
}
