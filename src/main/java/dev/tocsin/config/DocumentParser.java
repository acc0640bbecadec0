package dev.tocsin.config;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads a whole configuration file into a {@link Document}, reporting every structural problem. */
final class DocumentParser {
    private DocumentParser() {
    }

    /** Parses {@code yaml}; {@code paths} receives each object's field path (e.g. {@code users[2]}) for later checks. */
    static Document parse(String yaml, ParseContext context, Map<Entry, String> paths) {
        Node root;
        try {
            root = YamlText.compose(yaml);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String reason = (e.getContext() == null ? "" : e.getContext() + ", ") + e.getProblem();
            context.problems().atLine(mark == null ? 0 : mark.getLine() + 1, "", "YAML syntax error: " + reason);
            return Document.EMPTY;
        } catch (YAMLException e) {
            context.problems().at("", "YAML syntax error: " + e.getMessage());
            return Document.EMPTY;
        }
        if (root == null) {
            // With prune on, an empty file would remove everything; far more often it is a mistake (a wrong
            // path, a truncated upload). Removing everything takes an explicit "users: []".
            context.problems().at("", "the file is empty; to remove every object, apply a file with 'users: []'");
            return Document.EMPTY;
        }
        Value top = new Value(context, "", root);
        List<String> sections = new ArrayList<>();
        for (Kind kind : Kind.values()) sections.add(kind.section());
        Fields fields = top.fields(sections.toArray(String[]::new));
        List<Entry> entries = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            if (kind.named()) continue;
            for (Value item : fields.list(kind.section())) add(entries, paths, item, Sections.parse(kind, null, item));
        }
        named(entries, paths, fields, Kind.PROVIDER, ProviderSection.NAMES);
        named(entries, paths, fields, Kind.AUTH, AuthSection.NAMES);
        return new Document(entries);
    }

    /** Reads a section that is a mapping of objects by name ({@code providers:}, {@code auth:}). */
    private static void named(List<Entry> entries, Map<Entry, String> paths, Fields fields, Kind kind, List<String> names) {
        Value section = fields.optional(kind.section());
        if (section == null) return;
        Fields byName = section.fields(names.toArray(String[]::new));
        for (String name : names) {
            Value object = byName.optional(name);
            if (object != null) add(entries, paths, object, Sections.parse(kind, name, object));
        }
    }

    private static void add(List<Entry> entries, Map<Entry, String> paths, Value value, Entry entry) {
        if (entry.id() == null) return;
        entries.add(entry);
        paths.put(entry, value.path());
    }
}
