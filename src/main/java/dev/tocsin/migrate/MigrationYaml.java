package dev.tocsin.migrate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.util.Map;

/** Writes an imported configuration as YAML in the style of {@code tocsin export} (same generator settings). */
public final class MigrationYaml {
    private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build());

    private MigrationYaml() {
    }

    public static String write(String sourceName, Map<String, Object> configuration) {
        try {
            return "# Imported from " + sourceName + " by tocsin import. The migration report lists what did not map\n"
                    + "# exactly and the overrides to apply. Check with: tocsin apply -f FILE --dry-run\n"
                    + YAML.writeValueAsString(configuration);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write YAML: " + e.getMessage(), e);
        }
    }
}
