package dev.tocsin.schedule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;

/**
 * The turns of one rotation, computed arithmetically from the anchor (never enumerated from the start).
 * Turn k's handoff is at local date-time {@code anchor + k × every}, so daily and weekly turns keep their
 * wall-clock time across DST and shorter turns keep theirs too. Its instant follows {@link LocalTimes}.
 * Turns never overlap: a turn runs until the next one begins, and a turn whose (gap-moved) start would come
 * after a later turn has already begun is dropped (only possible for turns shorter than a DST gap).
 */
final class Turns {
    private final ZoneId zone;
    private final long anchorMillis;   // local date-time of turn 0, as epoch millis read in UTC
    private final long everyMillis;
    private final Instant first;       // instant turn 0 begins
    private final Instant end;         // exclusive; Instant.MAX if open ended

    Turns(Rotation rotation, ZoneId zone) {
        this.zone = zone;
        LocalDateTime anchor = rotation.handoff().day() == null
                ? rotation.starts().atTime(rotation.handoff().time())
                : rotation.starts().with(TemporalAdjusters.nextOrSame(rotation.handoff().day()))
                        .atTime(rotation.handoff().time());
        this.anchorMillis = anchor.toInstant(ZoneOffset.UTC).toEpochMilli();
        this.everyMillis = Math.max(1, rotation.every().toMillis());
        Instant endInstant = rotation.ends() == null ? Instant.MAX
                : LocalTimes.resolve(rotation.ends().atStartOfDay(), zone);
        this.first = start(0);
        this.end = endInstant;
    }

    Instant first() {
        return first;
    }

    /** Exclusive end of the last turn (the {@code ends} date at local midnight), or Instant.MAX. */
    Instant end() {
        return end;
    }

    LocalDateTime handoffLocal(long turn) {
        return LocalDateTime.ofEpochSecond(Math.floorDiv(anchorMillis + turn * everyMillis, 1000),
                (int) Math.floorMod(anchorMillis + turn * everyMillis, 1000) * 1_000_000, ZoneOffset.UTC);
    }

    /** The instant turn {@code turn} begins (its handoff after the gap rule and dropping of overtaken turns). */
    Instant start(long turn) {
        LocalDateTime local = handoffLocal(turn);
        Instant moved = LocalTimes.resolve(local, zone);
        LocalDateTime gapEnd = LocalTimes.gapEnd(local, zone);
        if (gapEnd == null) return moved;
        // The first turn at or after the end of the gap starts at the gap's instant; if it starts before our
        // moved time, this turn is overtaken and collapses onto it.
        long afterGap = ceilDiv(gapEnd.toInstant(ZoneOffset.UTC).toEpochMilli() - anchorMillis, everyMillis);
        Instant later = LocalTimes.resolve(handoffLocal(afterGap), zone);
        return later.isBefore(moved) ? later : moved;
    }

    /** The turn running at the instant, or -1 before the first turn or from the end on. */
    long turnAt(Instant instant) {
        if (instant.isBefore(first) || !instant.isBefore(end)) return -1;
        long local = instant.toEpochMilli() + zone.getRules().getOffset(instant).getTotalSeconds() * 1000L;
        long turn = Math.max(0, Math.floorDiv(local - anchorMillis, everyMillis));
        while (!start(turn + 1).isAfter(instant)) turn++;
        while (turn > 0 && start(turn).isAfter(instant)) turn--;
        return turn;
    }

    private static long ceilDiv(long numerator, long denominator) {
        return -Math.floorDiv(-numerator, denominator);
    }
}
