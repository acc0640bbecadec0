package dev.tocsin.provider;

import dev.tocsin.secret.Secret;

/**
 * The mail server Tocsin sends email through ({@code providers.smtp}).
 *
 * @param username login, or null for an unauthenticated relay
 * @param password password, or null
 */
public record SmtpSettings(String host, int port, String username, Secret password, String from, boolean starttls) {
    public static final int DEFAULT_PORT = 587;
    public static final boolean DEFAULT_STARTTLS = true;
}
