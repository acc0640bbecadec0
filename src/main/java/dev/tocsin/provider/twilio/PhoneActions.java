package dev.tocsin.provider.twilio;

import dev.tocsin.config.Organisation;
import dev.tocsin.escalation.Escalator;
import dev.tocsin.escalation.ManualEscalation;
import dev.tocsin.refusal.Refusal;
import dev.tocsin.incident.Incident;
import dev.tocsin.incident.IncidentFilter;
import dev.tocsin.incident.IncidentStatus;
import dev.tocsin.incident.Incidents;
import dev.tocsin.trace.Actor;
import dev.tocsin.trace.Channel;
import dev.tocsin.user.ContactMethod;
import dev.tocsin.user.User;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Carries out a {@link PhoneCommand} for the person whose phone sent it, and says in one sentence what happened.
 * Which incident: the number given, else the most recent open incident assigned to that person (the paging
 * engine assigns whoever it pages). "Escalate" pages the policy's next level at once.
 */
final class PhoneActions {
    /** The outcome, as the words to text or say back. */
    record Reply(String text) {
    }

    private final Supplier<Organisation> organisation;
    private final Incidents incidents;
    private final Escalator escalator;

    PhoneActions(Supplier<Organisation> organisation, Incidents incidents, Escalator escalator) {
        this.organisation = organisation;
        this.incidents = incidents;
        this.escalator = escalator;
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
    Optional<Incident> latestOpenFor(User user) {
        IncidentFilter filter = new IncidentFilter(List.of(IncidentStatus.TRIGGERED, IncidentStatus.ACKNOWLEDGED),
                List.of(), null, user.id());
        return incidents.list(filter, null, 1).stream().findFirst();
    }

    Reply perform(User user, PhoneCommand command, long incidentId, Channel channel) {
        Actor actor = Actor.user(user.id());
        String number = "#" + incidentId;
        try {
            return switch (command.action()) {
                case ACKNOWLEDGE -> {
                    var result = incidents.acknowledge(incidentId, actor, channel);
                    yield new Reply(result.changed() ? "Acknowledged " + number + "."
                            : number + " not changed: " + result.reason() + ".");
                }
                case RESOLVE -> {
                    var result = incidents.resolve(incidentId, actor, channel);
                    yield new Reply(result.changed() ? "Resolved " + number + "."
                            : number + " not changed: " + result.reason() + ".");
                }
                case ESCALATE -> new Reply(escalator.escalate(incidentId, new ManualEscalation.NextLevel(), actor, channel));
            };
        } catch (Refusal e) {
            return new Reply(number + ": " + e.getMessage());
        }
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
