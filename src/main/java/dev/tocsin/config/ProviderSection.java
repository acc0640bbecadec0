package dev.tocsin.config;

import dev.tocsin.provider.SmtpSettings;
import dev.tocsin.provider.TwilioSettings;

import java.util.Map;

/** Reads and writes the entries of {@code providers:} ({@code twilio}, {@code smtp}, {@code sms_gateway}); each is one object. */
final class ProviderSection {
    static final String TWILIO = "twilio";
    static final String SMTP = "smtp";

    private ProviderSection() {
    }

    static Object parse(String id, Value value) {
        if (SmsGatewaySection.NAME.equals(id)) return SmsGatewaySection.parse(value);
        return TWILIO.equals(id) ? parseTwilio(value) : parseSmtp(value);
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
        }
        return out;
    }
}
