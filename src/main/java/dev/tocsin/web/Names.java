package dev.tocsin.web;

import dev.tocsin.config.Organisation;
import dev.tocsin.user.User;

import java.time.ZoneId;

/** People's display names and the viewer's time zone, as every page shows them. */
public record Names(Organisation organisation, String viewer) {
    /** A person's configured name from their id (or from an actor written as {@code user:ID}); the id if they have none. */
    public String name(String userId) {
        if (userId == null) return "";
        String id = userId.startsWith("user:") ? userId.substring("user:".length()) : userId;
        return organisation.user(id).map(User::name).filter(name -> name != null && !name.isBlank()).orElse(id);
    }

    /** The viewer's configured time zone, UTC if none. */
    public ZoneId viewerZone() {
        return organisation.user(viewer).map(User::timezone).orElse(ZoneId.of("UTC"));
    }
}
