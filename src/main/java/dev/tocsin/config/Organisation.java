package dev.tocsin.config;

import java.util.List;
import java.util.Optional;

/**
 * The applied configuration as the rest of Tocsin reads it: an immutable snapshot, replaced whole when a
 * new configuration is applied.
 */
public interface Organisation {
    /** The integration an ingest request's key names, if any. */
    Optional<IntegrationBinding> integrationByKey(String key);

    /** Ids of the services owned by a team (empty if the team has none or does not exist). */
    List<String> serviceIdsOfTeam(String teamId);

    /** The display name of a service, if it exists. */
    Optional<String> serviceName(String serviceId);

    /** True if a user with this id is configured. */
    boolean hasUser(String userId);
}
