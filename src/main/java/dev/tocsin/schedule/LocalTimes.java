package dev.tocsin.schedule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;

/**
 * The one rule that turns a local date-time of a schedule into an instant. A local time in a spring-forward
 * gap moves forward by the length of the gap (02:30 on the day Zurich skips 02:00-03:00 becomes 03:30 CEST);
 * a repeated local time (fall-back) takes the earlier offset (02:30 on the day Zurich repeats 02:00-03:00 is
 * 02:30 CEST, the first pass). This is what {@link ZonedDateTime#of} does; handoffs, window edges and local
 * inputs all go through here so they agree.
 */
public final class LocalTimes {
    private LocalTimes() {
    }

    /** The instant of a local date-time in the zone, by the rule above. */
    public static Instant resolve(LocalDateTime local, ZoneId zone) {
        return ZonedDateTime.ofLocal(local, zone, null).toInstant();
    }

    /** The local date-time at which a spring-forward gap containing {@code local} ends, or null if it is no gap. */
    static LocalDateTime gapEnd(LocalDateTime local, ZoneId zone) {
        if (zone.getRules().getValidOffsets(local).isEmpty()) {
            ZoneOffsetTransition transition = zone.getRules().getTransition(local);
            return transition == null ? null : transition.getDateTimeAfter();
        }
        return null;
    }
}
