package dev.tocsin.ingest;

import dev.tocsin.config.IntegrationBinding;
import dev.tocsin.urgency.Severity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps a sent severity to one of the four. A missing value or one that is not one of the four (Alertmanager's
 * severity is a template, so anything may arrive) becomes the integration's default: never a rejection.
 */
final class SeverityMapping {
    private static final Logger log = LoggerFactory.getLogger(SeverityMapping.class);

    private SeverityMapping() {
    }

    static Severity map(String sent, IntegrationBinding binding) {
        Severity fallback = binding.defaultSeverity() == null ? IntegrationBinding.DEFAULT_SEVERITY : binding.defaultSeverity();
        if (sent == null) return fallback;
        return Severity.parse(sent).orElseGet(() -> {
            log.debug("integration {}: severity '{}' is not one of critical/error/warning/info; using '{}'",
                    binding.key(), sent, fallback.wireName());
            return fallback;
        });
    }
}
