package dev.tocsin.config;

import java.time.Instant;

/** One recorded change of the configuration: when, who, from where (a file name or {@code api}), and a summary. */
public record Revision(long id, Instant appliedAt, String actor, String source, String summary) {
}
