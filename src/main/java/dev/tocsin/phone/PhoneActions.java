package dev.tocsin.phone;

import dev.tocsin.config.Organisation;
import dev.tocsin.escalation.ManualEscalation;
import dev.tocsin.refusal.Refusal;
import dev.tocsin.respond.Act;
import dev.tocsin.respond.Outcome;
import dev.tocsin.respond.Responder;
import dev.tocsin.respond.ResponderActions;
import dev.tocsin.trace.Channel;
import dev.tocsin.user.ContactMethod;
import dev.tocsin.user.User;

import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The phone's side of the responder actions: who a number belongs to, and a {@link PhoneCommand} carried out
 * through {@link ResponderActions} as that person, answered in the few words an SMS or a call can carry
 * ("Acknowledged #42."). Which incident: the number given, else the newest open incident assigned to that
 * person (the paging engine assigns whoever it pages).
 */
final class PhoneActions {
    private final Supplier<Organisation> organisation;
    private final ResponderActions actions;

    PhoneActions(Supplier<Organisation> organisation, ResponderActions actions) {
        this.organisation = organisation;
        this.actions = actions;
    }

    /** The configured person with a contact method of one of these types at this number. */
    Optional<User> userByPhone(String phone, Set<String> types) {
        if (phone == null) return Optional.empty();
        String wanted = normalise(phone);
        return organisation.get().document().users().stream()
                .filter(user -> user.contactMethods().stream().anyMatch(method ->
                        method instanceof ContactMethod.Phone number && types.contains(number.type())
                                && normalise(number.to()).equals(wanted)))
                .findFirst();
    }

    /** The incident the person most likely means: the newest open one assigned to them. */
    Optional<Long> latestOpenFor(User user) {
        return actions.latestOpenAssignedTo(user.id()).map(incident -> incident.id());
    }

    /** Carries out the command and says back what happened, or why not. */
    String perform(User user, PhoneCommand command, long incidentId, Channel channel) {
        Act act = actions.act(incidentId, Responder.person(user.id()), channel);
        String number = "#" + incidentId;
        try {
            return switch (command.action()) {
                case ACKNOWLEDGE -> reply(actions.acknowledge(act), "Acknowledged " + number + ".", number);
                case RESOLVE -> reply(actions.resolve(act), "Resolved " + number + ".", number);
                case ESCALATE -> actions.escalate(act, new ManualEscalation.NextLevel()).detail();
                case JOIN -> reply(actions.join(act), "Joined " + number + " as responder: the timeline says you offer help.", number);
            };
        } catch (Refusal refused) {
            if (ResponderActions.NOT_PAGED.equals(refused.code())) {
                return number + ": " + refused.getMessage() + ". Reply JOIN " + incidentId + " to offer help.";
            }
            return number + ": " + refused.getMessage();
        }
    }

    private static String reply(Outcome outcome, String done, String number) {
        return outcome.changed() ? done : number + " not changed: " + outcome.detail() + ".";
    }

    /** Digits and a leading '+' only, so "+41 79 000 00 01" matches "+41790000001". */
    static String normalise(String phone) {
        StringBuilder out = new StringBuilder();
        for (char c : phone.strip().toCharArray()) {
            if (Character.isDigit(c) || (c == '+' && out.isEmpty())) out.append(c);
        }
        return out.toString();
    }
}
