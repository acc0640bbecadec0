package dev.tocsin.rules;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** How a condition compares an event's field with its value. */
public enum Operator {
    /** Same text; numbers compare as numbers ({@code 5} equals {@code 5.0}). */
    EQUALS,
    /** The text contains the value. */
    CONTAINS,
    /** A regular expression (Java syntax) found anywhere in the text; anchor with {@code ^…$} for the whole text. */
    MATCHES,
    /** Equals one of a list of values. */
    IN,
    LT, LTE, GT, GTE,
    /** The field is present (not null); {@code value: false} asks for the opposite. */
    EXISTS;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean numeric() {
        return this == LT || this == LTE || this == GT || this == GTE;
    }

    public static Optional<Operator> parse(String text) {
        return Arrays.stream(values()).filter(op -> op.wireName().equals(text)).findFirst();
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(Operator::wireName).toList();
    }
}
