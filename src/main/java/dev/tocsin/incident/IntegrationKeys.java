package dev.tocsin.incident;

import java.util.Optional;

/**
 * Which service an integration key's alerts open incidents on, as the configuration says right now. The
 * configuration implements it (see {@code config.Organisation#serviceOfKey}); intake knows nothing else of it.
 */
@FunctionalInterface
public interface IntegrationKeys {
    /** The service of a configured key, or empty for a key nobody configured. */
    Optional<String> serviceOf(String integrationKey);
}
