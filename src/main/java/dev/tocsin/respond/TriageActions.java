package dev.tocsin.respond;

import dev.tocsin.auth.Role;
import dev.tocsin.flag.Flag;
import dev.tocsin.flag.Flags;
import dev.tocsin.handover.Handover;
import dev.tocsin.handover.Handovers;
import dev.tocsin.incident.Incident;
import dev.tocsin.incident.IncidentTriage;
import dev.tocsin.incident.Incidents;
import dev.tocsin.refusal.Refusal;
import dev.tocsin.trace.Actor;

/**
 * The triage side of the responder actions, on the same terms as {@link ResponderActions} (an {@link Act} in, an
 * {@link Outcome} or a {@link Refusal} out, the permission checks here, once, for every channel): rename, merge
 * and split incidents, flag them for the next handover, and hand them over to someone who accepts.
 */
public final class TriageActions {
    private final ResponderActions responders;
    private final IncidentTriage triage;
    private final Flags flags;
    private final Handovers handovers;

    public TriageActions(ResponderActions responders, IncidentTriage triage, Flags flags, Handovers handovers) {
        this.responders = responders;
        this.triage = triage;
        this.flags = flags;
        this.handovers = handovers;
    }

    public Outcome rename(Act act, String title) {
        ResponderActions.permit(act);
        Incidents.ActionResult result = triage.rename(act.incidentId(), title, actor(act), act.channel(), act.at());
        String sentence = result.changed()
                ? result.incident().number() + " renamed to '" + result.incident().title() + "' by " + responders.by(act)
                : ResponderActions.capitalised(result.reason());
        return new Outcome(result.incident(), result.changed(), sentence, result.reason(), null);
    }

    /** Merges the act's incident into {@code intoId}; the outcome's incident is the survivor. */
    public Outcome merge(Act act, long intoId) {
        ResponderActions.permit(act);
        Incident survivor = triage.merge(act.incidentId(), intoId, actor(act), act.channel(), act.at());
        return new Outcome(survivor, true, "#" + act.incidentId() + " merged into " + survivor.number() + " by "
                + responders.by(act), null, null);
    }

    /** Splits an open alert out of the act's incident into a new incident; the outcome's incident is the new one. */
    public Outcome split(Act act, long alertId) {
        ResponderActions.permit(act);
        Incident opened = triage.split(act.incidentId(), alertId, actor(act), act.channel(), act.at());
        return new Outcome(opened, true, "Alert " + alertId + " of #" + act.incidentId() + " split out into "
                + opened.number() + " by " + responders.by(act), null, null);
    }

    public Flag flag(Act act, String note) {
        ResponderActions.permit(act);
        String text = note == null ? "" : note.strip();
        if (text.isEmpty()) throw Refusal.invalid("note: say why the incident is flagged for the handover");
        if (text.length() > Flags.MAX_NOTE_LENGTH) throw Refusal.invalid("note: at most " + Flags.MAX_NOTE_LENGTH + " characters");
        return flags.flag(act.incidentId(), text, actor(act), act.channel(), act.at());
    }

    /** Clears a flag; {@code act}'s incident is ignored except for permissions (the flag names its incident). */
    public Flag clearFlag(Responder by, dev.tocsin.trace.Channel channel, long flagId) {
        Act act = new Act(0, by, channel, responders.clock().instant());
        ResponderActions.permit(act);
        return flags.clear(flagId, actor(act), channel, act.at());
    }

    /**
     * Asks {@code toUser} to take the incident over. Only someone paged for it (see {@link AckGuard}) or an admin
     * may ask; the incident stays theirs until the other person accepts.
     */
    public Handover handOver(Act act, String toUser, String note) {
        ResponderActions.permit(act);
        Actor actor = actor(act);
        if (toUser == null || toUser.isBlank()) throw Refusal.invalid("to: name the user to hand the incident over to");
        if (!responders.organisation().hasUser(toUser)) throw Refusal.invalid("to: '" + toUser + "' is not a configured user");
        if (actor.kind() != Actor.Kind.USER) throw Refusal.forbidden("only a person can hand an incident over");
        if (toUser.equals(actor.id())) throw Refusal.invalid("to: you cannot hand an incident over to yourself");
        String text = note == null || note.isBlank() ? null : note.strip();
        if (text != null && text.length() > Handovers.MAX_NOTE_LENGTH) {
            throw Refusal.invalid("note: at most " + Handovers.MAX_NOTE_LENGTH + " characters");
        }
        Incident incident = triage.find(act.incidentId()).orElseThrow(() -> Refusal.notFound("incident #" + act.incidentId()));
        if (!responders.holds(incident, actor) && !act.by().role().includes(Role.ADMIN)) {
            throw Refusal.forbidden("you do not hold " + incident.number() + " (you were not paged for it and it is not "
                    + "assigned to you), so you cannot hand it over; join as responder to offer help instead");
        }
        return handovers.ask(act.incidentId(), actor.id(), toUser, text, actor, act.channel(), act.at());
    }

    public Handover acceptHandover(Act act) {
        ResponderActions.permit(act);
        return handovers.accept(act.incidentId(), actor(act).id(), actor(act), act.channel(), act.at());
    }

    public Handover declineHandover(Act act) {
        ResponderActions.permit(act);
        return handovers.decline(act.incidentId(), actor(act).id(), actor(act), act.channel(), act.at());
    }

    private static Actor actor(Act act) {
        return ResponderActions.actor(act);
    }
}
