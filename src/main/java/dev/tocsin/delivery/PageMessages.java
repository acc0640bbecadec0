package dev.tocsin.delivery;

import dev.tocsin.incident.Incident;
import dev.tocsin.provider.Markup;
import dev.tocsin.provider.Message;
import dev.tocsin.time.Durations;
import dev.tocsin.user.ContactMethod;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The words of a page for each kind of contact method: the incident's number, title, service, urgency, how long
 * it has been open, and how to act on it from that channel. Several incidents for one person in one message
 * (bundling) list the first few ({@link #LISTED_BY_SMS} by SMS, {@link #LISTED} by email, push or chat) with the
 * numbers to reply with, and count the rest per service, so a storm's message stays short; a webhook, read by a
 * program, lists them all. Pure: the caller passes the time.
 */
final class PageMessages {
    /** Incidents a bundled text message lists by name; the rest are counted per service. */
    static final int LISTED_BY_SMS = 3;
    /** Incidents a bundled message on any other channel lists by name. */
    static final int LISTED = 10;

    private PageMessages() {
    }

    /**
     * @param incidents   one or more (bundled) incidents, the first is the one the message leads with
     * @param serviceName service id → display name
     * @param actions     links for the first incident (empty when the channel cannot carry them)
     */
    static Message page(List<Incident> incidents, Function<String, String> serviceName, ContactMethod method, Instant now,
                        List<Message.Action> actions) {
        return page(incidents, serviceName, method, now, actions, null);
    }

    /**
     * As above, with the lead incident's runbook (from its alert, an event rule or its service; null for none),
     * shown in single-incident messages on every channel but SMS and voice, where a long address helps nobody.
     */
    static Message page(List<Incident> incidents, Function<String, String> serviceName, ContactMethod method, Instant now,
                        List<Message.Action> actions, String runbook) {
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
                    + first.urgency().wireName() + "\nOpen for: " + open(first, now)
                    + (runbook == null ? "" : "\nRunbook: " + runbook);
            List<Message.Fact> facts = new ArrayList<>(facts(first, service, now));
            if (runbook != null) facts.add(new Message.Fact("Runbook", runbook));
            return new Message(subject, body + "\n\n" + links(actions) + terminal(first), html(body, first, actions), actions,
                    urgent, facts);
        }
        String subject = "Tocsin: " + incidents.size() + " incidents need you";
        boolean short_ = method.type().equals("sms") || method.type().equals("voice");
        // A webhook is read by a program, which should be told every incident; people get the first few.
        int listed = method.type().equals("webhook") ? incidents.size()
                : Math.min(incidents.size(), short_ ? LISTED_BY_SMS : LISTED);
        List<String> lines = new ArrayList<>();
        for (Incident incident : incidents.subList(0, listed)) {
            lines.add(incident.number() + " [" + incident.urgency().wireName() + "] " + incident.title() + " — "
                    + serviceName.apply(incident.serviceId()) + ", open " + open(incident, now));
        }
        int more = incidents.size() - listed;
        // A storm bundles hundreds of incidents for one person: the message says how many on which service and lists
        // the first few, instead of growing with the storm (the rest are on the incident list and their timelines).
        String summary = more == 0 ? "" : incidents.size() + " incidents: " + byService(incidents, serviceName) + " — first: ";
        String rest = more == 0 ? "" : "; and " + more + " more (tocsin incidents, or the incident list)";
        String replies = "Reply 4 <number> to acknowledge, 6 <number> to resolve, 8 <number> to escalate, e.g. 4 "
                + first.id() + ".";
        if (short_) {
            String head = more == 0 ? "Tocsin: " + incidents.size() + " incidents: " : "Tocsin: " + summary;
            return new Message(subject, head + String.join("; ", lines) + rest + "\n" + replies,
                    null, List.of(), urgent, List.of());
        }
        String body = (more == 0 ? "" : summary.replace(" — first: ", "") + "\nFirst " + listed + ":\n")
                + String.join("\n", lines) + (more == 0 ? "" : "\n… and " + more + " more (tocsin incidents, or the incident list)");
        String numbers = incidents.subList(0, listed).stream().map(Incident::number).collect(Collectors.joining(", "))
                + (more == 0 ? "" : " and " + more + " more");
        return new Message(subject, body + "\n\n" + links(actions) + terminal(first), html(body, first, actions), actions, urgent,
                List.of(new Message.Fact("Incidents", numbers)));
    }

    /** "37 on Customer API, 12 on Payments": how many incidents on each service, most first. */
    private static String byService(List<Incident> incidents, Function<String, String> serviceName) {
        Map<String, Long> counts = incidents.stream()
                .collect(Collectors.groupingBy(Incident::serviceId, LinkedHashMap::new, Collectors.counting()));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(entry -> entry.getValue() + " on " + serviceName.apply(entry.getKey()))
                .collect(Collectors.joining(", "));
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
