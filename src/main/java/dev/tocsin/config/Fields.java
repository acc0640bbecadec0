package dev.tocsin.config;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The fields of one YAML mapping. Construction reports unknown keys (with a suggestion) and duplicate keys;
 * the accessors report missing required fields. Every accessor returns null after reporting a problem.
 */
final class Fields {
    private final Value owner;
    private final Map<String, Value> values;

    private Fields(Value owner, Map<String, Value> values) {
        this.owner = owner;
        this.values = values;
    }

    static Fields of(Value owner, Node node, List<String> allowed) {
        Map<String, Value> values = new LinkedHashMap<>();
        if (!(node instanceof MappingNode mapping)) {
            if (!owner.isNull()) owner.problem("expected a mapping of " + String.join(", ", allowed) + "; got " + owner.describe());
            else owner.problem("expected a mapping of " + String.join(", ", allowed) + "; got nothing");
            return new Fields(owner, values);
        }
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                owner.child("?", tuple.getKeyNode()).problem("a key must be a plain name");
                continue;
            }
            String key = keyNode.getValue();
            Value value = owner.child(key, tuple.getValueNode());
            if (!allowed.contains(key)) {
                String hint = Suggestions.hint(key, allowed);
                value.problem("unknown key '" + key + "'" + (hint.isEmpty() ? "; expected one of: " + String.join(", ", allowed) : hint));
            } else if (values.containsKey(key)) {
                value.problem("duplicate key '" + key + "' (first on line " + values.get(key).line() + ")");
            } else {
                values.put(key, value);
            }
        }
        return new Fields(owner, values);
    }

    /** The value of {@code key}, or null if absent or written as null. */
    Value optional(String key) {
        Value value = values.get(key);
        return value == null || value.isNull() ? null : value;
    }

    Value required(String key) {
        Value value = optional(key);
        if (value == null) owner.problem("missing required field '" + key + "'");
        return value;
    }

    boolean has(String key) {
        return optional(key) != null;
    }

    String text(String key) {
        Value value = required(key);
        return value == null ? null : nonEmpty(value, value.text());
    }

    String optionalText(String key) {
        Value value = optional(key);
        return value == null ? null : nonEmpty(value, value.text());
    }

    String id(String key) {
        Value value = required(key);
        return value == null ? null : value.id();
    }

    Duration duration(String key, Duration defaultValue) {
        Value value = optional(key);
        return value == null ? defaultValue : value.duration();
    }

    <T> T optional(String key, Function<Value, T> reader) {
        Value value = optional(key);
        return value == null ? null : reader.apply(value);
    }

    <T> T required(String key, Function<Value, T> reader) {
        Value value = required(key);
        return value == null ? null : reader.apply(value);
    }

    List<Value> list(String key) {
        Value value = optional(key);
        return value == null ? List.of() : value.items();
    }

    java.util.Set<String> keys() {
        return values.keySet();
    }

    String path() {
        return owner.path();
    }

    Value owner() {
        return owner;
    }

    private static String nonEmpty(Value value, String text) {
        if (text != null && text.isBlank()) {
            value.problem("must not be empty");
            return null;
        }
        return text;
    }
}
