package dev.tocsin.delivery;

import dev.tocsin.incident.Incident;
import dev.tocsin.provider.Markup;
import dev.tocsin.provider.Message;
import dev.tocsin.time.Durations;
import dev.tocsin.user.ContactMethod;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The words of a page for each kind of contact method: the incident's number, title, service, urgency, how long
 * it has been open, and how to act on it from that channel. Several incidents for one person in one message
 * (bundling) list them all, newest first, with the numbers to reply with. Pure: the caller passes the time.
 */
final class PageMessages {
    private PageMessages() {
    }

    /**
     * @param incidents   one or more (bundled) incidents, the first is the one the message leads with
     * @param serviceName service id → display name
     * @param actions     links for the first incident (empty when the channel cannot carry them)
     */
    static Message page(List<Incident> incidents, Function<String, String> serviceName, ContactMethod method, Instant now,
                        List<Message.Action> actions) {
        Incident first = incidents.get(0);
        boolean urgent = incidents.stream().anyMatch(incident -> incident.urgency() == dev.tocsin.urgency.Urgency.HIGH);
        if (incidents.size() == 1) {
            String service = serviceName.apply(first.serviceId());
            String subject = "Tocsin " + first.number() + " [" + first.urgency().wireName() + "] " + first.title()
                    + " on " + service;
            if (method.type().equals("sms") || method.type().equals("voice")) {
                return new Message(subject, PageTexts.sms(first, service, now), null, List.of(), urgent, facts(first, service, now));
            }
            String body = first.number() + " " + first.title() + "\nService: " + service + "\nUrgency: "
                    + first.urgency().wireName() + "\nOpen for: " + open(first, now);
            return new Message(subject, body + "\n\n" + links(actions) + terminal(first), html(body, first, actions), actions,
                    urgent, facts(first, service, now));
        }
        String subject = "Tocsin: " + incidents.size() + " incidents need you";
        List<String> lines = new ArrayList<>();
        for (Incident incident : incidents) {
            lines.add(incident.number() + " [" + incident.urgency().wireName() + "] " + incident.title() + " — "
                    + serviceName.apply(incident.serviceId()) + ", open " + open(incident, now));
        }
        String replies = "Reply 4 <number> to acknowledge, 6 <number> to resolve, 8 <number> to escalate, e.g. 4 "
                + first.id() + ".";
        if (method.type().equals("sms") || method.type().equals("voice")) {
            return new Message(subject, "Tocsin: " + incidents.size() + " incidents: " + String.join("; ", lines) + "\n" + replies,
                    null, List.of(), urgent, List.of());
        }
        String body = String.join("\n", lines);
        return new Message(subject, body + "\n\n" + links(actions) + terminal(first), html(body, first, actions), actions, urgent,
                List.of(new Message.Fact("Incidents", incidents.stream().map(Incident::number).collect(Collectors.joining(", ")))));
    }

    private static String links(List<Message.Action> actions) {
        StringBuilder out = new StringBuilder();
        for (Message.Action action : actions) out.append(action.label()).append(": ").append(action.url()).append('\n');
        return out.toString();
    }

    private static String terminal(Incident incident) {
        return "From a terminal: tocsin ack " + incident.id() + " · tocsin resolve " + incident.id();
    }

    private static List<Message.Fact> facts(Incident incident, String service, Instant now) {
        return List.of(new Message.Fact("Incident", incident.number()), new Message.Fact("Service", service),
                new Message.Fact("Urgency", incident.urgency().wireName()), new Message.Fact("Open for", open(incident, now)));
    }

    private static String html(String body, Incident first, List<Message.Action> actions) {
        StringBuilder html = new StringBuilder("<html><body><p>");
        html.append(Markup.escape(body.strip()).replace("\n", "<br>\n")).append("</p>");
        if (!actions.isEmpty()) {
            html.append("<p>");
            for (Message.Action action : actions) {
                html.append("<a href=\"").append(Markup.escape(action.url())).append("\" style=\"display:inline-block;")
                        .append("padding:8px 14px;margin-right:8px;background:#b3261e;color:#fff;text-decoration:none;")
                        .append("border-radius:4px\">").append(Markup.escape(action.label())).append("</a>");
            }
            html.append("</p>");
        }
        return html.append("<p style=\"color:#888\">").append(Markup.escape(terminal(first)))
                .append("<br>— Tocsin</p></body></html>").toString();
    }

    private static String open(Incident incident, Instant now) {
        Duration open = Duration.between(incident.createdAt(), now);
        if (open.isNegative()) open = Duration.ZERO;
        return open.toMinutes() < 1 ? "<1m" : Durations.format(Duration.ofMinutes(open.toMinutes()));
    }
}
