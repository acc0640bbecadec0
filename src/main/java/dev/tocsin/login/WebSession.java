package dev.tocsin.login;

import dev.tocsin.auth.Principal;
import dev.tocsin.auth.Role;

/** A signed-in browser: who, with which role, and the anti-forgery token its forms must send back. */
public record WebSession(long id, String userId, Role role, String csrfToken) {
    public Principal principal() {
        return new Principal(userId, role, "web-session-" + id);
    }
}
