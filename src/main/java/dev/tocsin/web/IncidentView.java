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
public record IncidentView(IncidentDetails details, Organisation organisation, String viewer, long liveSince) {
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

    public ZoneId zone() {
        return organisation.user(viewer).map(User::timezone).orElse(ZoneId.of("UTC"));
    }

    public String name(String userId) {
        if (userId == null) return "";
        return organisation.user(userId).map(User::name).filter(name -> !name.isBlank()).orElse(userId);
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

    /** People's display names and the viewer's time zone, for any page. */
    public record Names(Organisation organisation, String viewer) {
        /** A person's name from their id, or from an actor written as {@code user:ID}. */
        public String name(String userId) {
            if (userId == null) return "";
            if (userId.startsWith("user:")) userId = userId.substring("user:".length());
            return organisation.user(userId).map(User::name).filter(name -> !name.isBlank()).orElse(userId);
        }

        public ZoneId viewerZone() {
            return organisation.user(viewer).map(User::timezone).orElse(ZoneId.of("UTC"));
        }
    }

    public String liveEvent() {
        return "incident-" + incident().id();
    }
}
