package dev.tocsin.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tocsin.escalation.EscalationLevel;
import dev.tocsin.json.Json;
import dev.tocsin.time.Durations;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What the policy form holds, as text, exactly as typed: filled from the stored object (its YAML shape) or from a
 * posted form, changed by the level buttons (add, remove, move), and merged back into the stored object for saving.
 * Validation is the configuration's, not the form's: a value is kept as typed so a refused form comes back as it was.
 */
public record PolicyForm(String id, String name, String repeat, List<Level> levels) {
    /** More levels than anyone configures; a posted form is read up to here. */
    static final int MAX_LEVELS = 50;
    static final String NEW_LEVEL_DELAY = Durations.format(EscalationLevel.DEFAULT_ESCALATE_AFTER);

    /**
     * One level: its targets ({@code schedule:ID}…, the YAML's {@code notify}), its delay and assignment as typed, and which stored level it was
     * ({@code from}, null for a new one), so the fields the form does not edit are kept when levels move.
     */
    public record Level(Integer from, List<String> targets, String escalateAfter, String assign) {
        public boolean roundRobin() {
            return EscalationLevel.Assignment.ROUND_ROBIN.wireName().equals(assign);
        }
    }

    static PolicyForm blank() {
        return new PolicyForm("", "", "0", List.of(newLevel()));
    }

    private static Level newLevel() {
        return new Level(null, List.of(), NEW_LEVEL_DELAY, EscalationLevel.Assignment.DEFAULT.wireName());
    }

    /** The form for a stored policy in its YAML shape. */
    static PolicyForm of(ObjectNode stored) {
        List<Level> levels = new ArrayList<>();
        JsonNode storedLevels = stored.path("levels");
        for (int i = 0; i < storedLevels.size(); i++) {
            JsonNode level = storedLevels.get(i);
            List<String> notify = new ArrayList<>();
            JsonNode targets = level.path("notify");
            if (targets.isArray()) targets.forEach(target -> notify.add(target.asText()));
            else if (!targets.isMissingNode() && !targets.isNull()) notify.add(targets.asText());
            levels.add(new Level(i, notify, text(level, "escalate_after"), text(level, "assign")));
        }
        return new PolicyForm(text(stored, "id"), text(stored, "name"), text(stored, "repeat"), levels);
    }

    /** The form as posted: {@code params} gives a field's values ({@code levels[0].notify} may repeat). */
    static PolicyForm posted(String id, Function<String, List<String>> params) {
        List<Level> levels = new ArrayList<>();
        for (int i = 0; i < MAX_LEVELS; i++) {
            String prefix = "levels[" + i + "].";
            List<String> from = params.apply(prefix + "from");
            if (from.isEmpty()) break;
            levels.add(new Level(index(from.get(0)), List.copyOf(params.apply(prefix + "notify")),
                    first(params.apply(prefix + "escalate_after")), first(params.apply(prefix + "assign"))));
        }
        return new PolicyForm(id, first(params.apply("name")), first(params.apply("repeat")), levels);
    }

    /** The form after a level button: {@code add}, {@code remove-N}, {@code up-N}, {@code down-N} (N from 0). */
    PolicyForm change(String operation) {
        List<Level> changed = new ArrayList<>(levels);
        if ("add".equals(operation)) {
            changed.add(newLevel());
        } else {
            int dash = operation.lastIndexOf('-');
            Integer index = dash < 0 ? null : index(operation.substring(dash + 1));
            if (index == null || index >= changed.size()) return this;
            switch (operation.substring(0, dash)) {
                case "remove" -> changed.remove((int) index);
                case "up" -> { if (index > 0) changed.add(index - 1, changed.remove((int) index)); }
                case "down" -> { if (index < changed.size() - 1) changed.add(index + 1, changed.remove((int) index)); }
                default -> { return this; }
            }
        }
        return new PolicyForm(id, name, repeat, changed);
    }

    /**
     * The stored object with this form's fields put in: every field the form does not edit stays as it was (of the
     * policy, and of each level, which follows its level wherever it moved).
     */
    ObjectNode mergedInto(ObjectNode stored) {
        ObjectNode body = stored == null ? Json.mapper().createObjectNode() : stored.deepCopy();
        body.put("id", id);
        put(body, "name", name);
        put(body, "repeat", repeat);
        ArrayNode storedLevels = stored != null && stored.path("levels").isArray() ? (ArrayNode) stored.get("levels") : null;
        ArrayNode out = body.putArray("levels");
        for (Level level : levels) {
            JsonNode before = storedLevels == null || level.from() == null ? null : storedLevels.get(level.from());
            ObjectNode item = before != null && before.isObject() ? ((ObjectNode) before).deepCopy() : Json.mapper().createObjectNode();
            ArrayNode notify = item.putArray("notify");
            level.targets().forEach(notify::add);
            put(item, "escalate_after", level.escalateAfter());
            put(item, "assign", level.assign());
            out.add(item);
        }
        return body;
    }

    /** A blank field leaves the key out, so the configuration's default applies (as in the file). */
    private static void put(ObjectNode object, String key, String value) {
        if (value == null || value.isBlank()) object.remove(key);
        else object.put(key, value.strip());
    }

    private static String text(JsonNode node, String key) {
        JsonNode value = node.get(key);
        return value == null || value.isNull() ? "" : value.asText();
    }

    private static String first(List<String> values) {
        return values.isEmpty() ? "" : values.get(0);
    }

    private static Integer index(String text) {
        try {
            int value = Integer.parseInt(text.trim());
            return value >= 0 && value < MAX_LEVELS ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
