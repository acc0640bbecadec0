package dev.tocsin.config;

import dev.tocsin.auth.Role;
import dev.tocsin.login.OidcSettings;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads and writes the entries of {@code auth:}; today only {@code oidc}, single sign-on with OpenID Connect. */
final class AuthSection {
    static final String OIDC = "oidc";
    /** Every auth section, in the order they are read and exported. */
    static final List<String> NAMES = List.of(OIDC);

    /** An issuer may be plain http only on this machine (a provider for development or tests). */
    private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");
    /** A scope token: printable ASCII except space, '"' and '\' (RFC 6749, section 3.3). */
    private static final Pattern SCOPE = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,100}");

    private AuthSection() {
    }

    static Object parse(String id, Value value) {
        Fields fields = value.fields("issuer", "client_id", "client_secret", "name", "scopes", "role");
        // A missing key is reported at its own path (auth.oidc.client_id), so the line names what to add.
        String issuer = issuer(fields, required(fields, "issuer", "the provider's issuer URL"));
        String clientId = required(fields, "client_id", "the client id the provider gave Tocsin") == null
                ? null : fields.text("client_id");
        var clientSecret = required(fields, "client_secret", "the client secret, e.g. \"${OIDC_CLIENT_SECRET}\"") == null
                ? null : fields.required("client_secret", v -> v.secret(Tree.secretName("auth", id, "client_secret")));
        String name = fields.optionalText("name");
        List<String> scopes = scopes(fields);
        Role role = fields.optional("role", v -> {
            String text = v.text();
            if (text == null) return null;
            return Role.fromWireName(text).orElseGet(() -> {
                v.problem("unknown role '" + text + "'; expected observer, responder or admin");
                return null;
            });
        });
        return new OidcSettings(issuer, clientId, clientSecret, name == null ? OidcSettings.DEFAULT_NAME : name,
                scopes, role == null ? OidcSettings.DEFAULT_ROLE : role);
    }

    /** The key's value if present; else reports "is required" at {@code path.key} and returns null. */
    private static Value required(Fields fields, String key, String what) {
        Value value = fields.optional(key);
        if (value == null) {
            fields.owner().context().problems().atLine(fields.owner().line(), fields.path() + "." + key,
                    "missing required field '" + key + "' (" + what + ")");
        }
        return value;
    }

    private static String issuer(Fields fields, Value value) {
        if (value == null) return null;
        String text = fields.text("issuer");
        if (text == null) return null;
        try {
            URI uri = new URI(text);
            boolean https = "https".equals(uri.getScheme());
            boolean localHttp = "http".equals(uri.getScheme()) && uri.getHost() != null && LOOPBACK_HOSTS.contains(uri.getHost());
            if (uri.getHost() == null || !(https || localHttp)) {
                value.problem("'" + text + "' is not an https URL (plain http is allowed for localhost only)");
                return null;
            }
            if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                value.problem("an issuer URL has no query or fragment");
                return null;
            }
            return text;
        } catch (URISyntaxException e) {
            value.problem("'" + text + "' is not an https URL");
            return null;
        }
    }

    private static List<String> scopes(Fields fields) {
        Value value = fields.optional("scopes");
        if (value == null) return OidcSettings.DEFAULT_SCOPES;
        List<String> scopes = new ArrayList<>();
        for (Value item : value.itemsOrOne()) {
            String text = item.text();
            if (text == null) continue;
            // "openid email" written as one value is split, as the provider would read it.
            for (String scope : text.trim().split("\\s+")) {
                if (!SCOPE.matcher(scope).matches()) item.problem("'" + scope + "' is not a scope");
                else if (!scopes.contains(scope)) scopes.add(scope);
            }
        }
        if (!scopes.contains("openid")) value.problem("must include 'openid' (it is what makes the provider send an ID token)");
        return scopes;
    }

    static Map<String, Object> write(Object auth, SecretStyle secrets) {
        Map<String, Object> out = Tree.map();
        if (auth instanceof OidcSettings oidc) {
            Tree.text(out, "issuer", oidc.issuer());
            Tree.text(out, "client_id", oidc.clientId());
            if (oidc.clientSecret() != null) out.put("client_secret", secrets.render(oidc.clientSecret()));
            Tree.text(out, "name", oidc.name());
            out.put("scopes", oidc.scopes().stream().map(Placeholders::escape).toList());
            Tree.plain(out, "role", oidc.role().wireName());
        }
        return out;
    }
}
