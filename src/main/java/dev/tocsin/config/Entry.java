package dev.tocsin.config;

/**
 * One configured object with its kind and id: the unit that is diffed, stored and edited through the API.
 *
 * @param value a {@code User}, {@code Team}, {@code Schedule}, {@code EscalationPolicy}, {@code Service},
 *              {@code Heartbeat}, a provider's settings ({@code TwilioSettings}, {@code SmtpSettings}, …) or {@code OidcSettings}
 */
public record Entry(Kind kind, String id, Object value) {
    public String label() {
        return kind.singular() + " " + id;
    }
}
