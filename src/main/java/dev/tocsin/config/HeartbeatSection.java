package dev.tocsin.config;

import dev.tocsin.heartbeat.Heartbeat;
import dev.tocsin.secret.Secret;
import dev.tocsin.time.Durations;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads and writes one entry of {@code heartbeats:}. */
final class HeartbeatSection {
    /** A ping key travels in a URL ({@code ?key=}), so it is URL-safe; 8 characters at least so it is not guessed. */
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._~-]{8,128}");

    private HeartbeatSection() {
    }

    static Heartbeat parse(Value value) {
        Fields fields = value.fields("id", "name", "description", "service", "interval", "grace", "key");
        String id = fields.id("id");
        String name = fields.optionalText("name");
        String description = fields.optionalText("description");
        String service = fields.required("service", Value::id);
        Duration interval = fields.required("interval", v -> bounded(v, "interval", Heartbeat.MIN_INTERVAL, Heartbeat.MAX_INTERVAL));
        Duration grace = fields.has("grace")
                ? fields.optional("grace", v -> bounded(v, "grace", Heartbeat.MIN_GRACE, Heartbeat.MAX_GRACE))
                : Heartbeat.DEFAULT_GRACE;
        Secret key = fields.optional("key", v -> v.secret(Tree.secretName("heartbeat", id, "key")));
        if (key != null && !KEY.matcher(key.value()).matches()) {
            // Only the rule is printed, never the value: it is a secret.
            fields.optional("key").problem("a heartbeat key must be 8 to 128 characters of letters, digits, '.', '_', '~' or '-'");
        }
        return new Heartbeat(id, name, description, service, interval, grace, key);
    }

    private static Duration bounded(Value value, String what, Duration min, Duration max) {
        Duration duration = value.duration();
        if (duration == null) return null;
        if (duration.isZero()) {
            value.problem(what + " must be longer than zero; allowed " + Durations.format(min) + " to " + Durations.format(max));
            return null;
        }
        if (duration.compareTo(min) < 0 || duration.compareTo(max) > 0) {
            value.problem(what + " " + Durations.format(duration) + " is out of range; allowed " + Durations.format(min)
                    + " to " + Durations.format(max));
            return null;
        }
        return duration;
    }

    static Map<String, Object> write(Heartbeat heartbeat, SecretStyle secrets) {
        Map<String, Object> out = Tree.map();
        Tree.plain(out, "id", heartbeat.id());
        Tree.text(out, "name", heartbeat.name());
        Tree.text(out, "description", heartbeat.description());
        Tree.plain(out, "service", heartbeat.serviceId());
        if (heartbeat.interval() != null) Tree.plain(out, "interval", Durations.format(heartbeat.interval()));
        if (heartbeat.grace() != null) Tree.plain(out, "grace", Durations.format(heartbeat.grace()));
        if (heartbeat.key() != null) out.put("key", secrets.render(heartbeat.key()));
        return out;
    }
}
