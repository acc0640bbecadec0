package dev.tocsin.auth;

/** A freshly created token: {@code secret} is shown once and never stored. */
public record IssuedToken(String id, String secret, String userId, Role role) {
}
