package dev.tocsin.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tocsin.refusal.Refusal;
import dev.tocsin.json.Json;
import dev.tocsin.secret.Secret;

import java.util.Iterator;
import java.util.Map;

/** Turns an API request body (one object, JSON in the YAML shape) into an {@link Entry}. */
final class ObjectBodies {
    private ObjectBodies() {
    }

    static Entry parse(Kind kind, String id, JsonNode body, Entry existing, Problems problems) {
        if (body == null || !body.isObject()) throw Refusal.invalid("the body must be a JSON object");
        ObjectNode object = ((ObjectNode) body).deepCopy();
        if (!kind.named()) {
            JsonNode bodyId = object.get("id");
            if (bodyId != null && !bodyId.isNull() && !bodyId.asText().equals(id)) {
                throw Refusal.invalid("id '" + bodyId.asText() + "' in the body does not match '" + id + "' in the URL");
            }
            object.put("id", id);
        }
        Map<String, String> env = Map.of();
        if (existing != null) {
            Stored stored = Stored.of(existing);
            keepMaskedSecrets(object, stored.tree());
            env = stored.secrets();
        }
        org.yaml.snakeyaml.nodes.Node node;
        try {
            node = YamlText.compose(Json.write(object));
        } catch (org.yaml.snakeyaml.error.YAMLException e) {
            // JSON is YAML, but SnakeYAML refuses some shapes Jackson accepts (e.g. nesting beyond its limit).
            throw Refusal.invalid("the body cannot be read: " + e.getMessage().lines().findFirst().orElse(""));
        }
        Value value = new Value(new ParseContext(problems, env), ConfigService.pathById(new Entry(kind, id, null)), node);
        Entry entry = Sections.parse(kind, id, value);
        return new Entry(kind, id, entry.value());
    }

    /** Where the body says {@code "***"} and the stored object has a secret placeholder, keep the stored secret. */
    private static void keepMaskedSecrets(JsonNode body, JsonNode stored) {
        if (body == null || stored == null) return;
        if (body.isObject() && stored.isObject()) {
            ObjectNode object = (ObjectNode) body;
            for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                JsonNode value = object.get(name);
                JsonNode previous = stored.get(name);
                if (value.isTextual() && Secret.MASK.equals(value.asText()) && previous != null && previous.isTextual()
                        && Placeholders.wholeName(previous.asText()).isPresent()) {
                    object.put(name, previous.asText());
                } else {
                    keepMaskedSecrets(value, previous);
                }
            }
        } else if (body.isArray() && stored.isArray()) {
            for (int i = 0; i < body.size() && i < stored.size(); i++) keepMaskedSecrets(body.get(i), stored.get(i));
        }
    }
}
