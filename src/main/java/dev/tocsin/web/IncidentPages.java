package dev.tocsin.web;

import dev.tocsin.config.Organisation;
import dev.tocsin.escalation.ManualEscalation;
import dev.tocsin.escalation.Target;
import dev.tocsin.incident.Incident;
import dev.tocsin.incident.IncidentFilter;
import dev.tocsin.incident.IncidentStatus;
import dev.tocsin.login.WebSession;
import dev.tocsin.refusal.Refusal;
import dev.tocsin.respond.Act;
import dev.tocsin.respond.Outcome;
import dev.tocsin.respond.Responder;
import dev.tocsin.respond.ResponderActions;
import dev.tocsin.trace.Channel;
import dev.tocsin.urgency.Urgency;
import dev.tocsin.view.IncidentDetails;
import dev.tocsin.view.IncidentQueries;
import io.javalin.http.Context;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The incident list and the incident page, and the actions on them. Reads go through {@link IncidentQueries}, acts
 * through {@link ResponderActions} with the channel {@code web}: the pages hold no rule of their own.
 */
final class IncidentPages {
    static final int LIST_LIMIT = 100;

    private final IncidentQueries queries;
    private final ResponderActions responders;
    private final dev.tocsin.respond.TriageActions triage;
    private final Supplier<Organisation> organisation;
    private final WebAuth auth;
    private final Frames frames;
    private final dev.tocsin.report.AlertHistory history;
    private final java.time.Clock clock;

    IncidentPages(IncidentQueries queries, ResponderActions responders, dev.tocsin.respond.TriageActions triage,
                  Supplier<Organisation> organisation, WebAuth auth, Frames frames, dev.tocsin.report.AlertHistory history,
                  java.time.Clock clock) {
        this.history = history;
        this.clock = clock;
        this.queries = queries;
        this.responders = responders;
        this.triage = triage;
        this.organisation = organisation;
        this.auth = auth;
        this.frames = frames;
    }

    /** {@code GET /incidents}: the filtered list, whose rows reload when an incident changes. */
    void list(Context ctx) {
        WebSession session = auth.require(ctx);
        IncidentListView view = listView(ctx, session);
        Map<String, Object> model = new HashMap<>();
        model.put("page", frames.page(ctx, session, view.title(), "incidents"));
        model.put("view", view);
        ctx.render("incidents.jte", model);
    }

    /** {@code GET /incidents/rows}: the list's rows alone, for the live reload. */
    void rows(Context ctx) {
        WebSession session = auth.require(ctx);
        IncidentListView view = listView(ctx, session);
        ctx.header("X-Tocsin-Open-Count", Integer.toString(view.openCount()));
        ctx.render("incidentRows.jte", Map.of("view", view, "page", frames.page(ctx, session, view.title(), "incidents"),
                "fragment", true));
    }

    private IncidentListView listView(Context ctx, WebSession session) {
        IncidentListView.Filters filters = IncidentListView.Filters.from(ctx.queryParams("status"), ctx.queryParam("urgency"),
                ctx.queryParam("service"), ctx.queryParam("team"), ctx.queryParam("mine"));
        Organisation current = organisation.get();
        long since = queries.lastChange();   // before reading: what changes after it reaches the page live
        List<String> serviceIds = null;
        if (filters.service() != null) serviceIds = List.of(filters.service());
        if (filters.team() != null) {
            List<String> ofTeam = current.serviceIdsOfTeam(filters.team());
            serviceIds = serviceIds == null ? ofTeam : serviceIds.stream().filter(ofTeam::contains).toList();
        }
        List<Urgency> urgencies = filters.urgency() == null ? List.of() : List.of(filters.urgency());
        IncidentFilter filter = new IncidentFilter(filters.statuses(), urgencies, serviceIds,
                filters.mine() ? session.userId() : null);
        Long before = before(ctx.queryParam("before"));
        List<Incident> incidents = queries.list(filter, before, LIST_LIMIT + 1);
        Long olderFrom = null;
        if (incidents.size() > LIST_LIMIT) {
            incidents = incidents.subList(0, LIST_LIMIT);
            olderFrom = incidents.get(LIST_LIMIT - 1).id();
        }
        long open = incidents.stream().filter(incident -> incident.status() != IncidentStatus.RESOLVED).count();
        return new IncidentListView(filters, incidents, (int) open, current, session.userId(), since, before, olderFrom,
                queries.holds(incidents.stream().map(Incident::id).toList()));
    }

    /** The {@code before} of a later page: incidents older than this number; a bad value shows the first page. */
    private static Long before(String value) {
        if (value == null || value.isBlank()) return null;
        try {
            long number = Long.parseLong(value.trim());
            return number > 0 ? number : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** {@code GET /incidents/{number}}. */
    void show(Context ctx) {
        WebSession session = auth.require(ctx);
        long number = number(ctx);
        render(ctx, session, number, null, 200);
    }

    private void render(Context ctx, WebSession session, long number, String error, int status) {
        long since = queries.lastChange();
        IncidentDetails details = queries.details(number).orElse(null);
        if (details == null) {
            frames.notFound(ctx, session, "There is no incident #" + number + ".");
            return;
        }
        Map<String, Object> model = new HashMap<>();
        Incident incident = details.incident();
        model.put("page", frames.page(ctx, session, incident.number() + " " + incident.title(), "incidents", error));
        model.put("view", new IncidentView(details, organisation.get(), session.userId(), since,
                new IncidentView.Triage(queries.merges(number), queries.pendingHandover(number).orElse(null),
                        queries.openFlags(number))));
        model.put("history", history.of(number, clock.instant()));
        model.put("held", heldText(queries.holds(List.of(number)).get(number), new Names(organisation.get(), session.userId()).viewerZone()));
        ctx.status(status).render("incident.jte", model);
    }

    /** {@code POST /incidents/{number}/{action}}: one action, then back to the incident page. */
    void act(Context ctx) {
        WebSession session = auth.requireForChange(ctx);
        long number = number(ctx);
        String action = ctx.pathParam("action");
        try {
            Act act = responders.act(number, responder(session), Channel.WEB);
            Outcome outcome = switch (action) {
                case "acknowledge" -> responders.acknowledge(act);
                case "unacknowledge" -> responders.unacknowledge(act);
                case "resolve" -> responders.resolve(act, ctx.formParam("resolution"));
                case "escalate" -> responders.escalate(act, escalation(ctx.formParam("to")));
                case "add-responder" -> responders.addResponder(act, target("responder", ctx.formParam("responder")));
                case "reassign" -> responders.reassign(act, users(ctx.formParam("users")));
                case "note" -> responders.addNote(act, ctx.formParam("text"));
                case "join" -> responders.join(act);
                case "snooze" -> responders.snooze(act, snooze(ctx.formParam("for")));
                case "rename" -> triage.rename(act, ctx.formParam("title"));
                case "merge" -> triage.merge(act, incidentNumber("into", ctx.formParam("into")));
                case "split" -> triage.split(act, incidentNumber("alert", ctx.formParam("alert")));
                case "flag" -> said(act, "#" + number + " flagged for the next handover: " + triage.flag(act, ctx.formParam("note")).note());
                case "handover" -> said(act, "Asked " + organisation.get().user(triage.handOver(act, ctx.formParam("to"),
                        ctx.formParam("note")).toUser()).map(dev.tocsin.user.User::name).orElse(ctx.formParam("to"))
                        + " to take over #" + number + "; it stays yours until they accept.");
                case "handover-accept" -> said(act, "You accepted the handover: #" + number + " is now yours"
                        + (triage.acceptHandover(act) == null ? "" : "."));
                case "handover-decline" -> said(act, "You declined the handover of #" + number
                        + (triage.declineHandover(act) == null ? "" : "."));
                default -> throw Refusal.notFound("action '" + action + "'");
            };
            Flash.leave(ctx, outcome.sentence());
            // merge and split lead to the incident that now holds the alerts
            long shown = action.equals("merge") || action.equals("split") ? outcome.incident().id() : number;
            ctx.redirect("/incidents/" + shown, io.javalin.http.HttpStatus.SEE_OTHER);
        } catch (Refusal refusal) {
            render(ctx, session, number, refusal.getMessage(), WebRoutes.status(refusal));
        }
    }

    /**
     * {@code POST /incidents/bulk}: acknowledge, resolve or merge the ticked incidents, then back to the same list.
     * Merging takes every ticked incident into the one named in {@code into}.
     */
    void bulk(Context ctx) {
        WebSession session = auth.requireForChange(ctx);
        String action = ctx.formParam("action");
        if (!"resolve".equals(action) && !"acknowledge".equals(action) && !"merge".equals(action)) {
            throw Refusal.invalid("action: choose acknowledge, resolve or merge");
        }
        Long into = "merge".equals(action) ? incidentNumber("into", ctx.formParam("into")) : null;
        List<String> said = new ArrayList<>();
        for (String id : ctx.formParams("incident")) {
            long number;
            try {
                number = Long.parseLong(id.trim());
            } catch (NumberFormatException e) {
                said.add("'" + id + "' is not an incident number");
                continue;
            }
            try {
                Act act = responders.act(number, responder(session), Channel.WEB);
                if (into != null && into == number) continue;   // the survivor ticked along with the rest
                Outcome outcome = into != null ? triage.merge(act, into)
                        : "resolve".equals(action) ? responders.resolve(act) : responders.acknowledge(act);
                said.add(outcome.sentence());
            } catch (Refusal refusal) {
                said.add("#" + number + ": " + refusal.getMessage());
            }
        }
        Flash.leave(ctx, said.isEmpty() ? "No incident was ticked." : String.join(" · ", said));
        String back = ctx.formParam("back");
        ctx.redirect(back != null && back.startsWith("/incidents") && !back.startsWith("//") ? back : "/incidents",
                io.javalin.http.HttpStatus.SEE_OTHER);
    }

    /** An outcome that only says something (a flag, a handover step): the page shows the sentence. */
    private Outcome said(Act act, String sentence) {
        return new Outcome(queries.details(act.incidentId()).map(IncidentDetails::incident).orElse(null), true, sentence,
                null, null);
    }

    /** A number typed into a form ("12" or "#12"). */
    private static long incidentNumber(String field, String text) {
        String trimmed = text == null ? "" : text.replace("#", "").trim();
        if (!trimmed.matches("\\d{1,18}")) throw Refusal.invalid(field + ": give a number, e.g. 12");
        return Long.parseLong(trimmed);
    }

    private static Responder responder(WebSession session) {
        return Responder.of(session.principal());
    }

    private static long number(Context ctx) {
        String text = ctx.pathParam("number").replace("#", "").trim();
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw Refusal.notFound("incident '" + text + "'");
        }
    }

    private static ManualEscalation escalation(String to) {
        if (to == null || to.isBlank() || to.equals("next")) return new ManualEscalation.NextLevel();
        return new ManualEscalation.ToTarget(target("to", to));
    }

    private static Target target(String field, String text) {
        if (text == null || text.isBlank()) throw Refusal.invalid(field + ": choose whom to page");
        return Target.parse(text.trim()).orElseThrow(() -> Refusal.invalid(field + ": '" + text
                + "' is not user:ID, schedule:ID or team:ID"));
    }

    private static List<String> users(String text) {
        if (text == null || text.isBlank()) return List.of();
        return List.of(text.split("[,\\s]+")).stream().filter(part -> !part.isBlank()).toList();
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** The snooze a form asks for: a duration ({@code 2h}) or {@code support_hours}. */
    private static dev.tocsin.respond.Snooze snooze(String choice) {
        if (choice == null || choice.isBlank()) throw Refusal.invalid("for: choose how long to snooze");
        if (choice.equals("support_hours")) return new dev.tocsin.respond.Snooze.UntilSupportHours();
        try {
            return new dev.tocsin.respond.Snooze.For(dev.tocsin.time.Durations.parse(choice.strip()));
        } catch (RuntimeException e) {
            throw Refusal.invalid("for: '" + choice + "' is not a duration like 30m or 2h");
        }
    }

    /** A hold in words, in the viewer's zone: "Snoozed until Fri 4 Dec 14:00", or null when not held. */
    static String heldText(dev.tocsin.incident.Hold hold, java.time.ZoneId zone) {
        if (hold == null) return null;
        String until = Show.time(hold.until(), zone);
        return switch (hold.reason()) {
            case SNOOZE -> "Snoozed until " + until;
            case SUPPORT_HOURS -> "Low urgency, held until support hours start (" + until + ")";
            case MAINTENANCE -> "Held by maintenance window " + hold.windowId() + " until " + until;
        };
    }
}
