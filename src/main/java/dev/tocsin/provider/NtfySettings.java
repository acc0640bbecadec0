package dev.tocsin.provider;

import dev.tocsin.secret.Secret;

/**
 * The ntfy server push notifications go to ({@code providers.ntfy}).
 *
 * @param url   the server; a contact method's own {@code server} overrides it
 * @param token an access token ({@code tk_…}) sent as {@code Authorization: Bearer}, or null for none
 */
public record NtfySettings(String url, Secret token) {
    public static final String DEFAULT_URL = "https://ntfy.sh";
    /** The public server and no token: what {@code ntfy} contact methods use when {@code providers.ntfy} is absent. */
    public static final NtfySettings DEFAULT = new NtfySettings(DEFAULT_URL, null);
}
