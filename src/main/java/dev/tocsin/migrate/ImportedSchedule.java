package dev.tocsin.migrate;

/** A schedule read from a source: its id there, its name, and the id of the Tocsin schedule it became. */
public record ImportedSchedule(String sourceId, String name, String tocsinId) {
}
