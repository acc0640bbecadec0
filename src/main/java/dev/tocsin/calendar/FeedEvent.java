package dev.tocsin.calendar;

import java.time.Instant;

/**
 * One event of a calendar feed: a stretch on call (or a gap) from {@code start} to {@code end}.
 *
 * @param uid         stable across refreshes for the same shift, so calendar apps update rather than duplicate
 * @param description free text, or null
 */
public record FeedEvent(String uid, Instant start, Instant end, String summary, String description) {
}
