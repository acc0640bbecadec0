package dev.tocsin.incident;

/**
 * The event rules in force, as intake asks them about each trigger before applying it. The rules package
 * implements it over the configuration's compiled rule book (wired in {@code app.Tocsin}); it must be pure and
 * cheap, because it runs for every trigger on the ingest path.
 */
@FunctionalInterface
public interface AlertRules {
    /** No rules: every trigger opens its own incident as the severity says. */
    AlertRules NONE = (event, serviceId) -> AlertTriage.NONE;

    /** What the rules decide for a trigger that arrived on {@code serviceId}'s integration. */
    AlertTriage triage(AlertEvent event, String serviceId);
}
