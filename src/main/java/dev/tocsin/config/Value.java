package dev.tocsin.config;

import dev.tocsin.secret.Secret;
import dev.tocsin.time.Durations;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One value of the YAML tree with its field path, read with typed accessors that report what is wrong
 * (with the line) and return null instead of throwing, so one parse finds every problem.
 */
final class Value {
    /** The longest text one configuration value may have (a description, a URL, a fixed shift list's entry). */
    static final int MAX_TEXT_CHARS = 10_000;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,127}");

    private final ParseContext context;
    private final String path;
    private final Node node;

    Value(ParseContext context, String path, Node node) {
        this.context = context;
        this.path = path;
        this.node = node;
        context.problems().line(path, line());
    }

    String path() {
        return path;
    }

    int line() {
        return node.getStartMark().getLine() + 1;
    }

    ParseContext context() {
        return context;
    }

    void problem(String message) {
        context.problems().atLine(line(), path, message);
    }

    boolean isNull() {
        return node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL)
                && scalar.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN;
    }

    boolean isList() {
        return node instanceof SequenceNode;
    }

    boolean isText() {
        return node instanceof ScalarNode;
    }

    String describe() {
        if (node instanceof SequenceNode) return "a list";
        if (node instanceof MappingNode) return "a mapping";
        String value = ((ScalarNode) node).getValue();
        return "'" + (value.length() <= 80 ? value : value.substring(0, 77) + "…") + "'";
    }

    /** The text with {@code ${NAME}} substituted, or null (reported) if this is not a single value. */
    String text() {
        if (!(node instanceof ScalarNode scalar)) {
            problem("expected a single value, got " + describe());
            return null;
        }
        if (scalar.getValue().length() > MAX_TEXT_CHARS) {
            // Refused before anything else looks at it: checks such as "did you mean" cost time per character.
            problem("is " + scalar.getValue().length() + " characters long; a configuration value is at most " + MAX_TEXT_CHARS);
            return null;
        }
        return Placeholders.substitute(scalar.getValue(), context.env(),
                name -> problem("environment variable '" + name + "' is not set"));
    }

    /**
     * A secret. {@code ${NAME}} keeps NAME so export can write the placeholder back; a literal value gets
     * {@code generatedName}, which the export then asks the operator to supply.
     */
    Secret secret(String generatedName) {
        if (!(node instanceof ScalarNode scalar)) {
            problem("expected a single value, got " + describe());
            return null;
        }
        String raw = scalar.getValue();
        if (Secret.MASK.equals(raw)) {
            problem("'***' stands for a hidden secret; give the real value or a ${NAME} placeholder");
            return null;
        }
        String value = text();
        if (value == null || value.isEmpty()) {
            if (value != null) problem("must not be empty");
            return null;
        }
        return new Secret(value, Placeholders.wholeName(raw).orElse(generatedName));
    }

    String id() {
        String text = text();
        if (text != null && !ID.matcher(text).matches()) {
            problem("'" + text + "' is not a valid id: use letters, digits, '.', '_', '-' or '@', starting with a letter or digit");
            return null;
        }
        return text;
    }

    /** The text turned into a value by {@code parser}; its {@link IllegalArgumentException} becomes a problem. */
    <T> T as(Function<String, T> parser) {
        String text = text();
        if (text == null) return null;
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException | DateTimeException e) {
            problem(e.getMessage());
            return null;
        }
    }

    Duration duration() {
        return as(Durations::parse);
    }

    ZoneId zone() {
        String text = text();
        if (text == null) return null;
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            problem("unknown time zone " + describe() + Suggestions.hint(text, ZoneId.getAvailableZoneIds())
                    + "; use an IANA name like Europe/Zurich");
            return null;
        }
    }

    LocalDate date() {
        String text = text();
        if (text == null) return null;
        try {
            return LocalDate.parse(text);
        } catch (DateTimeException e) {
            problem("'" + text + "' is not a date; write it as YYYY-MM-DD");
            return null;
        }
    }

    Integer integer(int min, int max) {
        String text = text();
        if (text == null) return null;
        try {
            int number = Integer.parseInt(text.trim());
            if (number < min || number > max) {
                problem(number + " is out of range; allowed " + min + " to " + max);
                return null;
            }
            return number;
        } catch (NumberFormatException e) {
            problem("expected a whole number, got '" + text + "'");
            return null;
        }
    }

    Boolean bool() {
        String text = text();
        if (text == null) return null;
        if (text.equalsIgnoreCase("true")) return true;
        if (text.equalsIgnoreCase("false")) return false;
        problem("expected true or false, got '" + text + "'");
        return null;
    }

    /** The items of a list (empty, reported, if this is not a list). */
    List<Value> items() {
        if (!(node instanceof SequenceNode sequence)) {
            problem("expected a list, got " + describe());
            return List.of();
        }
        List<Value> items = new ArrayList<>();
        for (int i = 0; i < sequence.getValue().size(); i++) {
            items.add(new Value(context, path + "[" + i + "]", sequence.getValue().get(i)));
        }
        return items;
    }

    /** A list, or a single value standing for a list of one. */
    List<Value> itemsOrOne() {
        return node instanceof SequenceNode ? items() : List.of(this);
    }

    /** The fields of a mapping, checked against the keys allowed here. */
    Fields fields(String... allowedKeys) {
        return Fields.of(this, node, List.of(allowedKeys));
    }

    Value child(String key, Node child) {
        return new Value(context, path.isEmpty() ? key : path + "." + key, child);
    }

    Node node() {
        return node;
    }
}
