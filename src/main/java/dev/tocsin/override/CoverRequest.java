package dev.tocsin.override;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.List;

/**
 * "Cover me": {@code requester} asks {@code askedUser} (or, when null, the schedule's team) to be on call in
 * their place from {@code start} to {@code end}. The first to accept becomes an override.
 *
 * @param status     {@code open}, {@code accepted}, {@code declined} or {@code expired}
 * @param expiresAt  an open request expires here: the window's start (or its end, if asked after it began)
 * @param declinedBy who has declined so far
 */
public record CoverRequest(String id, String scheduleId, String requester, String askedUser, Instant start,
                           Instant end, String reason, String status, Instant createdAt, Instant expiresAt,
                           Instant closedAt, String closedBy, String overrideId, List<String> declinedBy) {
    public CoverRequest {
        declinedBy = List.copyOf(declinedBy);
    }

    @JsonIgnore
    public boolean isOpen() {
        return status.equals("open");
    }
}
