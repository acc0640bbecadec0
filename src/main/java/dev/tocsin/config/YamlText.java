package dev.tocsin.config;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Node;

import java.io.StringReader;

/** Reads YAML into SnakeYAML's node tree, which keeps the line of every value (unlike a plain object load). */
final class YamlText {
    /** Large enough for any real organisation, small enough that a mistaken upload cannot exhaust memory. */
    static final int MAX_CODE_POINTS = 8 * 1024 * 1024;

    private YamlText() {
    }

    /** The document's root node, or null for an empty document; throws SnakeYAML's exception on bad syntax. */
    static Node compose(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setAllowDuplicateKeys(true);
        options.setProcessComments(false);
        return new Yaml(options).compose(new StringReader(text));
    }
}
