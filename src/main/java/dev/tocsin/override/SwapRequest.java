package dev.tocsin.override;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.List;

/**
 * "Swap": {@code requester} offers their shift (schedule, start..end) for {@code otherUser}'s shift
 * (otherSchedule, otherStart..otherEnd). The request is the requester's agreement; the other's accept completes
 * it with two overrides ({@code overrideIds}).
 *
 * @param status {@code open}, {@code accepted}, {@code declined} or {@code expired} (at the earlier shift's start)
 */
public record SwapRequest(String id, String requester, String otherUser, String scheduleId, Instant start, Instant end,
                          String otherScheduleId, Instant otherStart, Instant otherEnd, String reason, String status,
                          Instant createdAt, Instant expiresAt, Instant closedAt, String closedBy,
                          List<String> overrideIds) {
    public SwapRequest {
        overrideIds = List.copyOf(overrideIds);
    }

    @JsonIgnore
    public boolean isOpen() {
        return status.equals("open");
    }
}
