package dev.tocsin.login;

import dev.tocsin.auth.Role;
import dev.tocsin.secret.Secret;

import java.util.List;

/**
 * Single sign-on with an OpenID Connect provider, as configured under {@code auth.oidc}.
 *
 * @param issuer       the provider's issuer URL; its discovery document is {@code issuer + /.well-known/openid-configuration}
 * @param clientId     the client id the provider gave Tocsin
 * @param clientSecret the client secret (never logged, exported as its placeholder)
 * @param name         the provider's name on the sign-in button: "Sign in with {name}"
 * @param scopes       the scopes asked for; always contains {@code openid}
 * @param role         the role of a user who signs in this way and has no web password (which carries its own role)
 */
public record OidcSettings(String issuer, String clientId, Secret clientSecret, String name, List<String> scopes, Role role) {
    public static final String DEFAULT_NAME = "OpenID Connect";
    /** {@code email} is the claim users are matched by; nothing else is needed. */
    public static final List<String> DEFAULT_SCOPES = List.of("openid", "email");
    public static final Role DEFAULT_ROLE = Role.RESPONDER;

    public OidcSettings {
        scopes = List.copyOf(scopes);
    }
}
