package dev.tocsin.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.tocsin.config.ConfigService;
import dev.tocsin.config.Kind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The notification providers on the settings page: each configured one as the YAML of its {@code providers:} entry
 * (secrets shown as {@code ***}, which keeps the stored secret when saved back), edited in place through the same
 * single-object configuration edit as the API. What was typed into a refused form comes back with its reasons.
 */
public final class ProviderSettings {
    private static final YAMLMapper YAML = new YAMLMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));   // "+41…" stays a string

    /** One provider as the page shows it: its name, its YAML (or what was typed), and why it was refused. */
    public record Provider(String name, boolean configured, String yaml, List<String> problems) {
    }

    /** A refused form: which provider, what was typed, why. */
    record Refused(String name, String yaml, List<String> problems) {
    }

    private final ConfigEdits edits;

    ProviderSettings(ConfigEdits edits) {
        this.edits = edits;
    }

    /** Every provider Tocsin knows, configured ones with their YAML, and the refused form if there is one. */
    List<Provider> providers(Optional<Refused> refused) {
        List<String> configured = edits.ids(Kind.PROVIDER);
        List<Provider> out = new ArrayList<>();
        for (String name : ConfigService.providerNames()) {
            boolean isConfigured = configured.contains(name);
            String yaml = isConfigured ? yaml(edits.read(Kind.PROVIDER, name)) : "";
            List<String> problems = List.of();
            if (refused.isPresent() && refused.get().name().equals(name)) {
                yaml = refused.get().yaml();
                problems = refused.get().problems();
            }
            out.add(new Provider(name, isConfigured, yaml, problems));
        }
        return out;
    }

    /** The typed YAML as the object to save, or why it cannot be one. */
    static JsonNode parse(String yaml) {
        if (yaml == null || yaml.isBlank()) throw dev.tocsin.refusal.Refusal.invalid("the settings are empty");
        try {
            JsonNode node = YAML.readTree(yaml);
            if (node == null || !node.isObject()) {
                throw dev.tocsin.refusal.Refusal.invalid("the settings must be a mapping of keys to values, like the providers: entry of a file");
            }
            return node;
        } catch (JsonProcessingException e) {
            String reason = e.getOriginalMessage() == null ? "not YAML" : e.getOriginalMessage();
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw dev.tocsin.refusal.Refusal.invalid("not valid YAML" + (line > 0 ? " at line " + line : "") + ": " + reason);
        }
    }

    private static String yaml(ObjectNode settings) {
        try {
            Map<String, Object> ordered = new LinkedHashMap<>();
            settings.fields().forEachRemaining(field -> ordered.put(field.getKey(), field.getValue()));
            return YAML.writeValueAsString(ordered);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
