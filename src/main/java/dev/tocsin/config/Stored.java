package dev.tocsin.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tocsin.json.Json;

import java.util.Map;
import java.util.TreeMap;

/**
 * A configured object in its stored form: the body as JSON with secrets as placeholders, and the secret
 * values by placeholder name. Diffs compare this form, so whatever is stored is exactly what is compared.
 */
record Stored(Entry entry, String body, Map<String, String> secrets) {
    Stored {
        secrets = Map.copyOf(secrets);
    }

    static Stored of(Entry entry) {
        Map<String, String> secrets = new TreeMap<>();
        String body = Json.write(Sections.write(entry, SecretStyle.collecting(secrets)));
        return new Stored(entry, body, secrets);
    }

    /** Reads a stored object back through the same parser a file goes through. */
    static Stored load(Kind kind, String id, String body, Map<String, String> secrets) {
        Problems problems = Problems.of("stored " + kind.singular() + " " + id);
        Value value = new Value(new ParseContext(problems, secrets), kind.section() + "[" + id + "]", YamlText.compose(body));
        Entry entry = Sections.parse(kind, id, value);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("stored configuration no longer reads: " + String.join("; ", problems.formatted()));
        }
        return new Stored(new Entry(kind, id, entry.value()), body, secrets);
    }

    JsonNode tree() {
        try {
            return Json.mapper().readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored body is not JSON", e);
        }
    }
}
