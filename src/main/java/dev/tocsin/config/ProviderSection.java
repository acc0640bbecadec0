package dev.tocsin.config;

import dev.tocsin.provider.NtfySettings;
import dev.tocsin.provider.SlackSettings;
import dev.tocsin.provider.SmtpSettings;
import dev.tocsin.provider.TwilioSettings;

import java.util.List;
import java.util.Map;

/** Reads and writes the entries of {@code providers:} ({@code twilio}, {@code smtp}, {@code sms_gateway}, {@code ntfy}, {@code slack}); each is one object. */
final class ProviderSection {
    static final String TWILIO = "twilio";
    static final String SMTP = "smtp";
    static final String NTFY = "ntfy";
    static final String SLACK = "slack";
    /** Every provider section, in the order they are read and exported. */
    static final List<String> NAMES = List.of(TWILIO, SMTP, SmsGatewaySection.NAME, NTFY, SLACK);

    private ProviderSection() {
    }

    static Object parse(String id, Value value) {
        if (SmsGatewaySection.NAME.equals(id)) return SmsGatewaySection.parse(value);
        return switch (id) {
            case TWILIO -> parseTwilio(value);
            case NTFY -> parseNtfy(value);
            case SLACK -> parseSlack(value);
            default -> parseSmtp(value);
        };
    }

    private static NtfySettings parseNtfy(Value value) {
        Fields fields = value.fields("url", "token");
        String url = fields.has("url") ? ContactMethodSection.url(fields, "url", false) : NtfySettings.DEFAULT_URL;
        var token = fields.optional("token", v -> v.secret(Tree.secretName("ntfy", "token")));
        return new NtfySettings(url == null ? NtfySettings.DEFAULT_URL : stripSlash(url), token);
    }

    private static SlackSettings parseSlack(Value value) {
        Fields fields = value.fields("bot_token", "signing_secret", "api_url", "ops_channel", "log_channel");
        var botToken = fields.required("bot_token", v -> v.secret(Tree.secretName("slack", "bot_token")));
        if (botToken != null && !botToken.value().startsWith("xoxb-")) {
            // Only the name is printed, never the value: a pasted user token or signing secret is still a secret.
            fields.optional("bot_token").problem("is not a Slack bot token (it starts with 'xoxb-'; take it from the app's "
                    + "'OAuth & Permissions' page)");
        }
        var signingSecret = fields.optional("signing_secret", v -> v.secret(Tree.secretName("slack", "signing_secret")));
        String apiUrl = fields.has("api_url") ? ContactMethodSection.url(fields, "api_url", false) : SlackSettings.DEFAULT_API_URL;
        return new SlackSettings(botToken, signingSecret, apiUrl == null ? SlackSettings.DEFAULT_API_URL : stripSlash(apiUrl),
                fields.optionalText("ops_channel"), fields.optionalText("log_channel"));
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static TwilioSettings parseTwilio(Value value) {
        Fields fields = value.fields("account_sid", "auth_token", "from", "api_url");
        var sid = fields.required("account_sid", v -> v.secret(Tree.secretName("twilio", "account_sid")));
        var token = fields.required("auth_token", v -> v.secret(Tree.secretName("twilio", "auth_token")));
        String from = fields.text("from");
        String apiUrl = fields.has("api_url") ? ContactMethodSection.url(fields, "api_url", false) : TwilioSettings.DEFAULT_API_URL;
        return new TwilioSettings(sid, token, from, apiUrl);
    }

    private static SmtpSettings parseSmtp(Value value) {
        Fields fields = value.fields("host", "port", "username", "password", "from", "starttls");
        String host = fields.text("host");
        Integer port = fields.optional("port", v -> v.integer(1, 65_535));
        String username = fields.optionalText("username");
        var password = fields.optional("password", v -> v.secret(Tree.secretName("smtp", "password")));
        String from = fields.text("from");
        if (from != null && !from.contains("@")) fields.optional("from").problem("'" + from + "' has no email address");
        Boolean starttls = fields.optional("starttls", Value::bool);
        return new SmtpSettings(host, port == null ? SmtpSettings.DEFAULT_PORT : port, username, password, from,
                starttls == null ? SmtpSettings.DEFAULT_STARTTLS : starttls);
    }

    static Map<String, Object> write(Object provider, SecretStyle secrets) {
        if (provider instanceof dev.tocsin.provider.SmsGatewaySettings gateway) return SmsGatewaySection.write(gateway, secrets);
        Map<String, Object> out = Tree.map();
        if (provider instanceof TwilioSettings twilio) {
            out.put("account_sid", secrets.render(twilio.accountSid()));
            out.put("auth_token", secrets.render(twilio.authToken()));
            Tree.text(out, "from", twilio.from());
            Tree.text(out, "api_url", twilio.apiUrl());
        } else if (provider instanceof SmtpSettings smtp) {
            Tree.text(out, "host", smtp.host());
            Tree.plain(out, "port", smtp.port());
            Tree.text(out, "username", smtp.username());
            if (smtp.password() != null) out.put("password", secrets.render(smtp.password()));
            Tree.text(out, "from", smtp.from());
            Tree.plain(out, "starttls", smtp.starttls());
        } else if (provider instanceof NtfySettings ntfy) {
            Tree.text(out, "url", ntfy.url());
            if (ntfy.token() != null) out.put("token", secrets.render(ntfy.token()));
        } else if (provider instanceof SlackSettings slack) {
            out.put("bot_token", secrets.render(slack.botToken()));
            if (slack.signingSecret() != null) out.put("signing_secret", secrets.render(slack.signingSecret()));
            Tree.text(out, "api_url", slack.apiUrl());
            Tree.text(out, "ops_channel", slack.opsChannel());
            Tree.text(out, "log_channel", slack.logChannel());
        }
        return out;
    }
}
