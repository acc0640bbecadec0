package dev.tocsin.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes a {@link Document} as YAML that applies back to the same configuration (secrets as placeholders). */
final class Exporter {
    private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build());
    static final String HEADER = """
            # Exported by Tocsin. Secrets appear as ${NAME} placeholders: set those environment variables
            # when applying this file (tocsin apply reads them from its own environment).
            """;

    private Exporter() {
    }

    static String yaml(Document document) {
        Map<String, Object> root = new LinkedHashMap<>();
        for (Kind kind : Kind.values()) {
            List<Entry> entries = document.entries(kind);
            if (entries.isEmpty()) continue;
            if (kind.named()) {
                Map<String, Object> byName = new LinkedHashMap<>();
                for (Entry entry : entries) byName.put(entry.id(), Sections.write(entry, SecretStyle.PLACEHOLDER));
                root.put(kind.section(), byName);
            } else {
                List<Object> items = new ArrayList<>();
                for (Entry entry : entries) items.add(Sections.write(entry, SecretStyle.PLACEHOLDER));
                root.put(kind.section(), items);
            }
        }
        try {
            return HEADER + (root.isEmpty() ? "{}\n" : YAML.writeValueAsString(root));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write YAML: " + e.getMessage(), e);
        }
    }
}
