package dev.tocsin.auth;

import dev.tocsin.trace.Actor;

/** The authenticated caller of an API request. */
public record Principal(String userId, Role role, String tokenId) {
    public Actor actor() {
        return Actor.user(userId);
    }
}
