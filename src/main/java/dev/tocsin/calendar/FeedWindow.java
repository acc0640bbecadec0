package dev.tocsin.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/**
 * The stretch of time a feed covers: from the Monday (00:00 UTC) at least {@link #PAST} back to
 * {@link #AHEAD} after that week's start. Starting at a week boundary keeps a feed byte-for-byte the same
 * (but for DTSTAMP) across refreshes within a week.
 *
 * @param lookFrom where shifts are computed from: a year before {@code from}, so a shift that began before
 *                 the feed window keeps its real start (and with it its UID) instead of being clipped
 */
public record FeedWindow(Instant lookFrom, Instant from, Instant to) {
    /** Past shifts stay visible for four weeks (enough to check last month's on-call for compensation). */
    public static final Duration PAST = Duration.ofDays(28);
    /** Shifts are shown about six months ahead, as far as people plan holidays around on-call. */
    public static final Duration AHEAD = Duration.ofDays(182);
    /** How far back a shift's real start is looked for; only shifts longer than this are clipped. */
    public static final Duration START_LOOKBACK = Duration.ofDays(366);

    public static FeedWindow at(Instant now) {
        Instant weekStart = now.atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toInstant();
        Instant from = weekStart.minus(PAST);
        return new FeedWindow(from.minus(START_LOOKBACK), from, weekStart.plus(AHEAD));
    }
}
