package dev.tocsin.web;

import dev.tocsin.config.Organisation;
import dev.tocsin.incident.Incident;
import dev.tocsin.incident.IncidentStatus;
import dev.tocsin.incident.TimelineEntry;
import dev.tocsin.paging.PagingView;
import dev.tocsin.trace.Actor;
import dev.tocsin.user.User;
import dev.tocsin.view.IncidentDetails;

import java.time.ZoneId;
import java.util.List;

/** What the incident page shows, in the viewer's time zone. */
public record IncidentView(IncidentDetails details, Organisation organisation, String viewer, long liveSince,
                           Triage triage) {
    /** The triage side of the page: merges, the handover waiting for an answer, open handover flags. */
    public record Triage(dev.tocsin.incident.IncidentTriage.Merges merges, dev.tocsin.handover.Handover pendingHandover,
                         List<dev.tocsin.flag.Flag> flags) {
    }

    /**
     * Whether the viewer counts as paged for the incident (the ack guard's rule, from what the page already shows):
     * assigned, paged now, or notified about it.
     */
    public boolean viewerPaged() {
        return incident().assignees().contains(viewer)
                || (paging().paged() != null && paging().paged().stream().anyMatch(page -> page.user().equals(viewer)))
                || paging().notifications().stream().anyMatch(notification -> viewer.equals(notification.userId()));
    }

    /** The pending handover is asked of the viewer: they may accept or decline it. */
    public boolean handoverAskedOfViewer() {
        return triage.pendingHandover() != null && triage.pendingHandover().toUser().equals(viewer);
    }

    /** Alerts that may be split out: open ones, when the incident has more than one alert. */
    public boolean maySplit() {
        return open() && details.alerts().size() > 1;
    }

    public Incident incident() {
        return details.incident();
    }

    public PagingView paging() {
        return details.paging();
    }

    /** Newest first: during an incident the latest entry is what matters. */
    public List<TimelineEntry> timeline() {
        List<TimelineEntry> newestFirst = new java.util.ArrayList<>(details.timeline());
        java.util.Collections.reverse(newestFirst);
        return newestFirst;
    }

    public boolean open() {
        return incident().status() != IncidentStatus.RESOLVED;
    }

    public boolean triggered() {
        return incident().status() == IncidentStatus.TRIGGERED;
    }

    public boolean acknowledged() {
        return incident().status() == IncidentStatus.ACKNOWLEDGED;
    }

    public Names names() {
        return new Names(organisation, viewer);
    }

    public ZoneId zone() {
        return names().viewerZone();
    }

    public String name(String userId) {
        return names().name(userId);
    }

    /** "Alice Keller", "integration events-v2", "Tocsin". */
    public String actor(Actor actor) {
        if (actor == null) return "";
        return switch (actor.kind()) {
            case USER -> name(actor.id());
            case INTEGRATION -> actor.id();
            case SYSTEM -> "Tocsin";
        };
    }

    public List<User> users() {
        return organisation.document().users();
    }

    /** The runbook event rules, the alert or the service named, or null. */
    public String runbook() {
        return details.triage() == null ? null : details.triage().runbook();
    }

    /** True when the runbook is a web address to link to (otherwise it is shown as text). */
    public boolean runbookIsLink() {
        String runbook = runbook();
        return runbook != null && (runbook.startsWith("https://") || runbook.startsWith("http://")) && !runbook.contains(" ");
    }

    public String priority() {
        return details.triage() == null ? null : details.triage().priority();
    }

    public String liveEvent() {
        return "incident-" + incident().id();
    }
}
