package dev.tocsin.web;

import dev.tocsin.calendar.FeedLinks;

import java.time.Instant;

/**
 * A calendar feed as a page shows it: when its live link was issued (null if it has none), the link with its
 * token only in the answer that just issued it, whether the viewer may make a new one, and where to post for it.
 */
public record FeedView(Instant issuedAt, FeedLinks.Link issued, boolean mayIssue, String action) {
    public boolean justIssued() {
        return issued != null && issued.tokenShown();
    }
}
