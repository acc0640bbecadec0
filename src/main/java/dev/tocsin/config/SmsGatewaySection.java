package dev.tocsin.config;

import dev.tocsin.provider.SmsGatewaySettings;
import dev.tocsin.provider.SmsGatewaySettings.BodyFormat;
import dev.tocsin.provider.SmsGatewaySettings.SuccessRule;
import dev.tocsin.secret.Secret;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads and writes {@code providers.sms_gateway}: url, method, content_type, headers, body, success. */
final class SmsGatewaySection {
    static final String NAME = "sms_gateway";
    private static final Set<String> METHODS = Set.of("POST", "PUT", "PATCH", "GET");

    private SmsGatewaySection() {
    }

    static SmsGatewaySettings parse(Value value) {
        Fields fields = value.fields("url", "method", "content_type", "headers", "body", "success");
        String url = ContactMethodSection.url(fields, "url", true);
        String method = fields.optional("method", v -> v.as(SmsGatewaySection::method));
        Map<String, Secret> headers = headers(fields.optional("headers"));
        Value bodyValue = fields.optional("body");
        String body = null;
        if (bodyValue != null) {
            // The body is exported as written, so a ${SECRET} in it would land in clear text in exports.
            if (bodyValue.node() instanceof ScalarNode scalar && scalar.getValue().contains("${")) {
                bodyValue.problem("put credentials in headers (e.g. Authorization), not in the body: the body is not kept secret");
            } else {
                body = bodyValue.text();
                if (body != null && !body.contains("{{message}}")) bodyValue.problem("the body must contain {{message}}");
            }
        }
        BodyFormat format = fields.optional("content_type", v -> v.as(SmsGatewaySection::format));
        if (format == null) format = formatFrom(headers, body);
        if ("GET".equals(method) && body != null) fields.optional("body").problem("a GET request has no body");
        SuccessRule success = fields.has("success") ? success(fields.optional("success")) : SuccessRule.DEFAULT;
        return new SmsGatewaySettings(url, method == null ? SmsGatewaySettings.DEFAULT_METHOD : method, headers, body,
                format, success);
    }

    private static String method(String text) {
        String upper = text.trim().toUpperCase(Locale.ROOT);
        if (!METHODS.contains(upper)) throw new IllegalArgumentException("'" + text + "' is not one of POST, PUT, PATCH, GET");
        return upper;
    }

    private static BodyFormat format(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "json", "application/json" -> BodyFormat.JSON;
            case "form", "application/x-www-form-urlencoded" -> BodyFormat.FORM;
            default -> throw new IllegalArgumentException("'" + text + "' is not json or form");
        };
    }

    /** Without content_type: the Content-Type header decides, else a body starting with '{' or '[' is JSON. */
    private static BodyFormat formatFrom(Map<String, Secret> headers, String body) {
        for (var header : headers.entrySet()) {
            if (!header.getKey().equalsIgnoreCase("Content-Type")) continue;
            String type = header.getValue().value().toLowerCase(Locale.ROOT);
            if (type.contains("json")) return BodyFormat.JSON;
            if (type.contains("x-www-form-urlencoded")) return BodyFormat.FORM;
        }
        String start = body == null ? "" : body.stripLeading();
        return start.startsWith("{") || start.startsWith("[") ? BodyFormat.JSON : BodyFormat.FORM;
    }

    private static Map<String, Secret> headers(Value value) {
        Map<String, Secret> headers = new LinkedHashMap<>();
        if (value == null) return headers;
        if (!(value.node() instanceof MappingNode mapping)) {
            value.problem("expected a mapping of header names to values, got " + value.describe());
            return headers;
        }
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key) || !key.getValue().matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+")) {
                value.child("?", tuple.getKeyNode()).problem("a header name must be a plain token");
                continue;
            }
            Value header = value.child(key.getValue(), tuple.getValueNode());
            if (headers.keySet().stream().anyMatch(name -> name.equalsIgnoreCase(key.getValue()))) {
                header.problem("duplicate header '" + key.getValue() + "'");
                continue;
            }
            Secret secret = header.secret(Tree.secretName(NAME, key.getValue()));
            if (secret != null) headers.put(key.getValue(), secret);
        }
        return headers;
    }

    private static SuccessRule success(Value value) {
        Fields fields = value.fields("status", "body_contains", "json", "equals");
        List<Integer> statuses = new ArrayList<>();
        Value status = fields.optional("status");
        if (status != null) {
            for (Value item : status.itemsOrOne()) {
                Integer code = item.integer(100, 599);
                if (code != null) statuses.add(code);
            }
        }
        String contains = fields.optionalText("body_contains");
        String json = fields.optionalText("json");
        String equals = fields.optional("equals", Value::text);
        if (json != null && equals == null) value.problem("'json' needs 'equals': the value the answer must have there");
        if (json == null && equals != null) value.problem("'equals' needs 'json': the path of the value to compare");
        if (json != null && !json.matches("[^.\\s]+(\\.[^.\\s]+)*")) fields.optional("json").problem("'" + json
                + "' is not a dot-separated path like messages.0.status");
        return new SuccessRule(statuses, contains, json, equals);
    }

    static Map<String, Object> write(SmsGatewaySettings gateway, SecretStyle secrets) {
        Map<String, Object> out = Tree.map();
        Tree.text(out, "url", gateway.url());
        Tree.plain(out, "method", gateway.method());
        Tree.plain(out, "content_type", gateway.format().wireName());
        if (!gateway.headers().isEmpty()) {
            Map<String, Object> headers = new LinkedHashMap<>();
            gateway.headers().forEach((name, secret) -> headers.put(name, secrets.render(secret)));
            out.put("headers", headers);
        }
        Tree.text(out, "body", gateway.body());
        SuccessRule success = gateway.success();
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("status", success.statuses());
        Tree.text(rule, "body_contains", success.bodyContains());
        Tree.text(rule, "json", success.jsonPath());
        Tree.text(rule, "equals", success.jsonEquals());
        out.put("success", rule);
        return out;
    }
}
