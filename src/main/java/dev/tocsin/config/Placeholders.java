package dev.tocsin.config;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ${NAME}} substitution in configuration values. {@code $${} writes a literal {@code ${}, so a value
 * that really contains {@code ${} survives export and re-apply.
 */
public final class Placeholders {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\$\\{|\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
    private static final Pattern WHOLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    /** A {@code ${NAME}} found in a file, with the line it is on. */
    public record Reference(String name, int line) {
    }

    private Placeholders() {
    }

    /** {@code text} with each {@code ${NAME}} replaced from {@code env}; each missing name goes to {@code missing}. */
    static String substitute(String text, Map<String, String> env, Consumer<String> missing) {
        if (text.indexOf('$') < 0) return text;
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String replacement;
            if (matcher.group(1) == null) {
                replacement = "${";
            } else if (env.containsKey(matcher.group(1))) {
                replacement = env.get(matcher.group(1));
            } else {
                missing.accept(matcher.group(1));
                replacement = matcher.group();
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    /** The variable name if {@code text} is exactly one placeholder, like {@code ${SMTP_PASSWORD}}. */
    static Optional<String> wholeName(String text) {
        Matcher matcher = WHOLE.matcher(text.trim());
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** Protects a literal value so that substitution gives it back unchanged. */
    static String escape(String value) {
        return value.replace("${", "$${");
    }

    /** Every {@code ${NAME}} in the values of a YAML text (comments ignored); empty if it does not parse. */
    public static List<Reference> referenced(String yaml) {
        List<Reference> found = new ArrayList<>();
        try {
            Node root = YamlText.compose(yaml);
            if (root != null) collect(root, found);
        } catch (RuntimeException syntaxError) {
            // The server reports syntax errors with their lines; the CLI only needs the names it can find.
        }
        return found;
    }

    private static void collect(Node node, List<Reference> found) {
        if (node instanceof ScalarNode scalar) {
            Matcher matcher = PLACEHOLDER.matcher(scalar.getValue());
            while (matcher.find()) {
                if (matcher.group(1) != null) {
                    found.add(new Reference(matcher.group(1), scalar.getStartMark().getLine() + 1));
                }
            }
        } else if (node instanceof SequenceNode sequence) {
            sequence.getValue().forEach(item -> collect(item, found));
        } else if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) collect(tuple.getValueNode(), found);
        }
    }
}
