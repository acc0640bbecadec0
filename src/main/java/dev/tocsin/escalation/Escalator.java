package dev.tocsin.escalation;

import dev.tocsin.trace.Actor;
import dev.tocsin.trace.Channel;

/**
 * Escalates an incident by hand, from any channel (SMS reply 8, a keypress, a link, chat): one action, as the
 * handbook asks ("never hesitate to escalate"). Returns what happened, in a sentence to show or say back.
 */
@FunctionalInterface
public interface Escalator {
    String escalate(long incidentId, ManualEscalation how, Actor actor, Channel channel);
}
