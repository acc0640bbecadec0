package dev.tocsin.delivery;

import dev.tocsin.provider.Message;
import dev.tocsin.trace.Channel;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.List;

/**
 * The buttons and links a page carries (acknowledge, resolve, escalate), created in the transaction that marks
 * the notification as being sent. Signed single-use links come from the action-link module; {@link #NONE} gives
 * a page without links (the text still says how to act).
 */
@FunctionalInterface
public interface PageActions {
    PageActions NONE = (handle, incidentId, userId, channel, now) -> List.of();

    List<Message.Action> actions(Handle handle, long incidentId, String userId, Channel channel, Instant now);
}
