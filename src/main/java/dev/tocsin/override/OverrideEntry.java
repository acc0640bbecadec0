package dev.tocsin.override;

import dev.tocsin.schedule.Override;

import java.time.Instant;

/**
 * An override as stored, with its history: the {@link Override} the computation uses, why and how it came
 * about, and who removed it when (null while it is in force).
 *
 * @param origin   {@code override}, {@code take_pager}, {@code cover} or {@code swap}
 * @param originId the cover or swap request it came from, or null
 */
public record OverrideEntry(Override override, String reason, String origin, String originId, Instant removedAt,
                            String removedBy) {
    public boolean removed() {
        return removedAt != null;
    }
}
