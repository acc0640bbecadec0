package dev.tocsin.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The difference between the stored configuration and a new one, object by object and field by field. */
final class Diff {
    private Diff() {
    }

    /**
     * Changes from {@code before} to {@code after}. Objects only in {@code before} are {@code removed}; objects
     * the caller carried over from {@code before} because prune was off are named in {@code keptKeys}.
     */
    static List<Change> compute(List<Stored> before, List<Stored> after, Set<String> keptKeys) {
        Map<String, Stored> old = new HashMap<>();
        for (Stored object : before) old.put(key(object), object);
        List<Change> changes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Stored object : after) {
            String key = key(object);
            seen.add(key);
            Stored previous = old.get(key);
            String kind = object.entry().kind().singular();
            if (keptKeys.contains(key)) {
                changes.add(new Change(kind, object.entry().id(), Change.KEPT, List.of()));
            } else if (previous == null) {
                changes.add(new Change(kind, object.entry().id(), Change.CREATED, List.of()));
            } else {
                List<String> fields = fields(previous, object);
                if (!fields.isEmpty()) changes.add(new Change(kind, object.entry().id(), Change.CHANGED, fields));
            }
        }
        for (Stored object : before) {
            if (!seen.contains(key(object))) {
                changes.add(new Change(object.entry().kind().singular(), object.entry().id(), Change.REMOVED, List.of()));
            }
        }
        return changes;
    }

    static String key(Stored object) {
        return object.entry().kind().singular() + "/" + object.entry().id();
    }

    private static List<String> fields(Stored before, Stored after) {
        Set<String> paths = new LinkedHashSet<>();
        compare("", before.tree(), after.tree(), paths);
        // Same placeholder, different value: only the secrets table tells.
        List<String> result = new ArrayList<>();
        for (String path : paths) result.add(isSecret(before, after, path) ? path + " (secret)" : path);
        collectSecretValueChanges("", after.tree(), before, after, paths, result);
        return result;
    }

    private static void compare(String path, JsonNode before, JsonNode after, Set<String> paths) {
        if (Objects.equals(before, after)) return;
        if (before != null && after != null && before.isObject() && after.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            before.fieldNames().forEachRemaining(names::add);
            after.fieldNames().forEachRemaining(names::add);
            for (String name : names) compare(join(path, name), before.get(name), after.get(name), paths);
        } else if (before != null && after != null && before.isArray() && after.isArray()
                && before.size() == after.size() && containsObjects(after)) {
            for (int i = 0; i < after.size(); i++) compare(path + "[" + i + "]", before.get(i), after.get(i), paths);
        } else {
            paths.add(path);
        }
    }

    private static boolean containsObjects(JsonNode array) {
        for (JsonNode item : array) if (item.isObject()) return true;
        return false;
    }

    private static boolean isSecret(Stored before, Stored after, String path) {
        return isPlaceholder(at(before.tree(), path)) || isPlaceholder(at(after.tree(), path));
    }

    private static void collectSecretValueChanges(String path, JsonNode node, Stored before, Stored after,
                                                  Set<String> alreadyChanged, List<String> result) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                collectSecretValueChanges(join(path, field.getKey()), field.getValue(), before, after, alreadyChanged, result);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectSecretValueChanges(path + "[" + i + "]", node.get(i), before, after, alreadyChanged, result);
            }
        } else if (isPlaceholder(node) && !covered(path, alreadyChanged)) {
            String name = Placeholders.wholeName(node.asText()).orElseThrow();
            if (!Objects.equals(before.secrets().get(name), after.secrets().get(name))) result.add(path + " (secret)");
        }
    }

    private static boolean covered(String path, Set<String> changed) {
        for (String prefix : changed) if (path.equals(prefix) || path.startsWith(prefix + ".") || path.startsWith(prefix + "[")) return true;
        return false;
    }

    private static boolean isPlaceholder(JsonNode node) {
        return node != null && node.isTextual() && Placeholders.wholeName(node.asText()).isPresent()
                && node.asText().trim().equals(node.asText());
    }

    private static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        for (String part : path.split("\\.")) {
            if (node == null) return null;
            int bracket = part.indexOf('[');
            String name = bracket < 0 ? part : part.substring(0, bracket);
            if (!name.isEmpty()) node = node.get(name);
            while (node != null && bracket >= 0) {
                int close = part.indexOf(']', bracket);
                node = node.get(Integer.parseInt(part.substring(bracket + 1, close)));
                bracket = part.indexOf('[', close);
            }
        }
        return node;
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
