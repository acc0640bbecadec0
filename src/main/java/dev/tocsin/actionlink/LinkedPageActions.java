package dev.tocsin.actionlink;

import dev.tocsin.delivery.PageActions;
import dev.tocsin.provider.Message;
import dev.tocsin.trace.Channel;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.List;

/**
 * Acknowledge / Resolve / Escalate as signed, expiring, single-use links ({@link ActionLinks}) on every channel
 * that shows links or buttons: email, ntfy (as buttons that POST), Slack, Teams, Mattermost, webhooks and the
 * console. SMS and voice act by reply and keypad instead.
 */
public final class LinkedPageActions implements PageActions {
    private final ActionLinks links;

    public LinkedPageActions(ActionLinks links) {
        this.links = links;
    }

    @Override
    public List<Message.Action> actions(Handle handle, long incidentId, String userId, Channel channel, Instant now) {
        if (channel == Channel.SMS || channel == Channel.VOICE) return List.of();
        return List.of(
                new Message.Action("Acknowledge", links.create(handle, incidentId, userId, LinkAction.ACKNOWLEDGE, channel, now), false),
                new Message.Action("Resolve", links.create(handle, incidentId, userId, LinkAction.RESOLVE, channel, now), false),
                new Message.Action("Escalate", links.create(handle, incidentId, userId, LinkAction.ESCALATE, channel, now), false));
    }
}
