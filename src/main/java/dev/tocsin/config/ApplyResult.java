package dev.tocsin.config;

import java.util.List;

/**
 * The outcome of a valid apply or edit.
 *
 * @param applied   true if the configuration is now in force (false for a dry run)
 * @param revision  the revision now in force (unchanged when nothing changed or on a dry run)
 * @param changes   created, changed, removed and kept objects; unchanged ones are only counted
 * @param unchanged how many objects stayed as they were
 */
public record ApplyResult(boolean applied, boolean dryRun, long revision, List<Change> changes, int unchanged) {
    public ApplyResult {
        changes = List.copyOf(changes);
    }

    /** The summary line the CLI prints under the diff. */
    public String summary() {
        String counts = Change.summary(changes) + ", " + unchanged + " unchanged";
        if (dryRun) return "dry run: " + counts + "; nothing was written";
        return counts + "; revision " + revision;
    }
}
