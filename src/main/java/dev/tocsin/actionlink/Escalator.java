package dev.tocsin.actionlink;

import dev.tocsin.incident.Incidents;
import dev.tocsin.trace.Actor;
import dev.tocsin.trace.Channel;

/**
 * Escalates an incident by hand for an "Escalate" link, and says what happened in one sentence for the
 * person who clicked ("Paged the next level of policy platform: bob."). The paging engine provides the real
 * one; throwing an {@link dev.tocsin.http.ApiException} refuses with its message.
 */
@FunctionalInterface
public interface Escalator {
    String escalate(long incidentId, Actor actor, Channel channel);

    /** Until manual escalation is wired: records the wish on the incident's timeline, and says so. */
    static Escalator notingOnly(Incidents incidents) {
        return (incidentId, actor, channel) -> {
            incidents.addNote(incidentId, "Asked to escalate via " + channel.wireName()
                    + " link (escalation from links is not wired yet; noted only)", actor, channel);
            return "Noted your wish to escalate incident #" + incidentId + " on its timeline. "
                    + "Escalation from links is not wired yet: call your backup.";
        };
    }
}
