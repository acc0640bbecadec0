package dev.tocsin.provider;

import dev.tocsin.secret.Secret;

/** How Tocsin reaches Twilio for SMS and voice calls ({@code providers.twilio}). */
public record TwilioSettings(Secret accountSid, Secret authToken, String from, String apiUrl) {
    public static final String DEFAULT_API_URL = "https://api.twilio.com";
}
