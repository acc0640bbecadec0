package dev.tocsin.config;

import dev.tocsin.provider.webhook.WebhookSignature;
import dev.tocsin.secret.Secret;
import dev.tocsin.user.ContactMethod;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads and writes one contact method; which fields are allowed depends on its {@code type}. */
final class ContactMethodSection {
    static final List<String> TYPES = List.of("sms", "voice", "email", "ntfy", "slack", "teams", "mattermost", "webhook", "console");
    private static final Map<String, List<String>> FIELDS_BY_TYPE = Map.of(
            "sms", List.of("to"), "voice", List.of("to"), "email", List.of("to"), "ntfy", List.of("topic", "server"),
            "slack", List.of("to"), "teams", List.of("url"), "mattermost", List.of("url"),
            "webhook", List.of("url", "secret"), "console", List.of());
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>]+@[^@\\s<>]+\\.[^@\\s<>]+");
    /** The host of the retired Office 365 connector webhooks. */
    static final String RETIRED_TEAMS_HOST = "webhook.office.com";
    private static final Pattern NTFY_TOPIC = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private ContactMethodSection() {
    }

    static ContactMethod parse(Value value, String userId) {
        Fields fields = value.fields("id", "type", "to", "topic", "server", "url", "secret");
        String id = fields.id("id");
        String type = fields.text("type");
        if (type == null) return null;
        if (!TYPES.contains(type)) {
            fields.optional("type").problem("unknown contact method type '" + type + "'" + Suggestions.hint(type, TYPES)
                    + "; expected one of: " + String.join(", ", TYPES));
            return null;
        }
        List<String> allowed = FIELDS_BY_TYPE.get(type);
        for (String key : fields.keys()) {
            if (!key.equals("id") && !key.equals("type") && !allowed.contains(key)) {
                fields.optional(key).problem("'" + key + "' does not apply to a contact method of type '" + type + "'"
                        + (allowed.isEmpty() ? "" : "; it takes: " + String.join(", ", allowed)));
            }
        }
        return switch (type) {
            case "sms", "voice" -> new ContactMethod.Phone(id, type, matching(fields, "to", E164,
                    "is not an E.164 phone number like +41790000001"));
            case "email" -> new ContactMethod.Email(id, matching(fields, "to", EMAIL, "is not an email address"));
            case "ntfy" -> new ContactMethod.Ntfy(id, matching(fields, "topic", NTFY_TOPIC,
                    "is not an ntfy topic (letters, digits, '_' and '-', at most 64)"), url(fields, "server", false));
            case "slack" -> new ContactMethod.Slack(id, fields.text("to"));
            case "teams", "mattermost" -> new ContactMethod.Chat(id, type, chatUrl(fields, type, userId, id));
            case "webhook" -> new ContactMethod.Webhook(id, url(fields, "url", true), webhookSecret(fields, userId, id));
            default -> new ContactMethod.Console(id);
        };
    }

    /**
     * A chat tool's incoming-webhook URL (Teams Workflows, Mattermost) is itself the credential — whoever has it
     * can post to the channel — so it is a secret: masked in the API, a {@code ${NAME}} placeholder in exports, and
     * never quoted whole in a problem. A Teams URL must be a Workflows webhook: Microsoft retired the Office 365
     * connectors whose URLs are on {@code webhook.office.com}, so such a URL would fail at the first page instead of
     * now. Only the host is quoted.
     */
    private static Secret chatUrl(Fields fields, String type, String userId, String id) {
        Secret url = fields.required("url", value -> value.secret(Tree.secretName(userId, id, "url")));
        if (url == null || url.value().contains("${")) return url;   // a missing variable is reported already
        URI uri;
        try {
            uri = new URI(url.value());
        } catch (URISyntaxException e) {
            uri = null;
        }
        if (uri == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            fields.optional("url").problem("is not an http(s) URL (not quoted: the URL is a credential)");
            return null;
        }
        String host = uri.getHost().toLowerCase(java.util.Locale.ROOT);
        if (type.equals("teams") && (host.equals(RETIRED_TEAMS_HOST) || host.endsWith("." + RETIRED_TEAMS_HOST))) {
            fields.optional("url").problem("'" + host + "' is an Office 365 connector webhook, which Microsoft has retired; "
                    + "in Teams, create a Workflows flow \"Post to a channel when a webhook request is received\" and use its URL");
            return null;
        }
        return url;
    }

    /** A webhook secret is Standard Webhooks' {@code whsec_} + base64 of 24–64 random bytes. */
    private static Secret webhookSecret(Fields fields, String userId, String id) {
        Secret secret = fields.optional("secret", v -> v.secret(Tree.secretName(userId, id, "secret")));
        if (secret != null && WebhookSignature.key(secret.value()).isEmpty()) {
            fields.optional("secret").problem("is not a Standard Webhooks secret: write 'whsec_' followed by the base64 of 24 to 64 "
                    + "random bytes, e.g. from: echo \"whsec_$(openssl rand -base64 32)\"");
            return null;
        }
        return secret;
    }

    private static String matching(Fields fields, String key, Pattern pattern, String reason) {
        String text = fields.text(key);
        if (text != null && !pattern.matcher(text).matches()) {
            fields.optional(key).problem("'" + text + "' " + reason);
            return null;
        }
        return text;
    }

    static String url(Fields fields, String key, boolean required) {
        String text = required ? fields.text(key) : fields.optionalText(key);
        if (text == null) return null;
        try {
            URI uri = new URI(text);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) return text;
        } catch (URISyntaxException e) {
            // reported below
        }
        fields.optional(key).problem("'" + text + "' is not an http(s) URL");
        return null;
    }

    static Map<String, Object> write(ContactMethod method, SecretStyle secrets) {
        Map<String, Object> out = Tree.map();
        Tree.plain(out, "id", method.id());
        Tree.plain(out, "type", method.type());
        if (method instanceof ContactMethod.Phone phone) {
            Tree.text(out, "to", phone.to());
        } else if (method instanceof ContactMethod.Email email) {
            Tree.text(out, "to", email.to());
        } else if (method instanceof ContactMethod.Ntfy ntfy) {
            Tree.text(out, "topic", ntfy.topic());
            Tree.text(out, "server", ntfy.server());
        } else if (method instanceof ContactMethod.Slack slack) {
            Tree.text(out, "to", slack.to());
        } else if (method instanceof ContactMethod.Chat chat) {
            if (chat.url() != null) out.put("url", secrets.render(chat.url()));
        } else if (method instanceof ContactMethod.Webhook webhook) {
            Tree.text(out, "url", webhook.url());
            if (webhook.secret() != null) out.put("secret", secrets.render(webhook.secret()));
        }
        return out;
    }
}
