package dev.tocsin.respond;

import dev.tocsin.auth.Principal;
import dev.tocsin.auth.Role;
import dev.tocsin.trace.Actor;

/**
 * Who acts on an incident and with what authority: the holder of an API token (its role), or a configured person
 * whom a channel has identified on its own terms — by the phone number an SMS came from, or by the signed link
 * Tocsin sent them — who acts as a responder.
 */
public record Responder(Actor actor, Role role) {
    public static Responder of(Principal principal) {
        return new Responder(principal.actor(), principal.role());
    }

    /** A configured person a channel identified (their phone, their link): they may act as a responder. */
    public static Responder person(String userId) {
        return new Responder(Actor.user(userId), Role.RESPONDER);
    }
}
