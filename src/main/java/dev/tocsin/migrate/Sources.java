package dev.tocsin.migrate;

import dev.tocsin.migrate.opsgenie.OpsgenieSource;

import java.time.Instant;
import java.util.List;

/** The sources Tocsin can import from, by command-line name. PagerDuty and Grafana OnCall are to come. */
public final class Sources {
    public static final List<String> NAMES = List.of("opsgenie");

    private Sources() {
    }

    /** @throws IllegalArgumentException for a source not (yet) supported */
    public static Source of(String name, String apiUrl, String token, JsonHttp.Sleeper sleeper, Instant now) {
        return switch (name) {
            case "opsgenie" -> new OpsgenieSource(apiUrl == null ? OpsgenieSource.DEFAULT_API_URL : apiUrl, token, sleeper, now);
            case "pagerduty", "grafana-oncall" -> throw new IllegalArgumentException(
                    "importing from " + name + " is not available yet; supported: " + NAMES);
            default -> throw new IllegalArgumentException("unknown source '" + name + "'; supported: " + NAMES);
        };
    }
}
