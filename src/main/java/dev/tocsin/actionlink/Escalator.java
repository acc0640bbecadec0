package dev.tocsin.actionlink;

import dev.tocsin.trace.Actor;
import dev.tocsin.trace.Channel;

/**
 * Escalates an incident by hand for an "Escalate" link, and says what happened in one sentence for the
 * person who clicked ("Paged the next level of policy platform: bob."). The paging engine provides the real
 * one; throwing an {@link dev.tocsin.refusal.Refusal} refuses with its message.
 */
@FunctionalInterface
public interface Escalator {
    String escalate(long incidentId, Actor actor, Channel channel);

}
