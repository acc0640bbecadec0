package dev.tocsin.escalation;

import dev.tocsin.trace.Actor;
import dev.tocsin.trace.Channel;

/**
 * Escalates an incident by hand, from any channel (SMS reply 8, a keypress, a link, chat): one action, as the
 * handbook asks ("never hesitate to escalate"). The paging engine is the real one; throwing a
 * {@link dev.tocsin.refusal.Refusal} refuses.
 */
@FunctionalInterface
public interface Escalator {
    ManualEscalation.Result escalate(long incidentId, ManualEscalation how, Actor actor, Channel channel);
}
