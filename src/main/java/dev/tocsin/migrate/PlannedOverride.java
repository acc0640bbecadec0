package dev.tocsin.migrate;

import java.time.Instant;

/**
 * An override read from the source, as the Tocsin override it becomes. Overrides are runtime data in Tocsin
 * (made through the API, not the YAML), so the import lists them with the command that applies each one.
 *
 * @param replacing the user replaced, or null for "replacing everyone"
 */
public record PlannedOverride(String scheduleId, String userId, String replacing, Instant start, Instant end,
                              String reason) {
    /** The {@code tocsin override add} command that makes this override. */
    public String command() {
        return "tocsin override add --schedule " + scheduleId + " --user " + userId + " --from " + start + " --to " + end
                + (replacing == null ? "" : " --replacing " + replacing)
                + (reason == null ? "" : " --reason '" + reason.replace("'", "'\\''") + "'");
    }

    public dev.tocsin.schedule.Override toOverride(int number) {
        return new dev.tocsin.schedule.Override("imported-" + number, scheduleId, userId, replacing, start, end,
                "import", start);
    }
}
