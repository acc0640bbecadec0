package dev.tocsin.provider;

import dev.tocsin.secret.Secret;

/**
 * How Tocsin reaches Slack's Web API ({@code providers.slack}).
 *
 * @param botToken      the app's bot token ({@code xoxb-…})
 * @param signingSecret verifies requests Slack sends to Tocsin (buttons, slash commands), or null
 * @param apiUrl        the Web API base, without a trailing slash
 * @param opsChannel    the channel incidents are announced in, or null
 * @param logChannel    the channel that receives every timeline entry, or null
 */
public record SlackSettings(Secret botToken, Secret signingSecret, String apiUrl, String opsChannel, String logChannel) {
    public static final String DEFAULT_API_URL = "https://slack.com/api";
}
