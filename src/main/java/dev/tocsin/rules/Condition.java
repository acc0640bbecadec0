package dev.tocsin.rules;

import dev.tocsin.incident.AlertEvent;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** When a rule applies: tests on an event's fields, combined with {@code all} / {@code any}. */
public sealed interface Condition {
    boolean test(AlertEvent event);

    /** Every condition holds (an empty list always holds). */
    record All(List<Condition> conditions) implements Condition {
        public All {
            conditions = List.copyOf(conditions);
        }

        @Override
        public boolean test(AlertEvent event) {
            for (Condition condition : conditions) if (!condition.test(event)) return false;
            return true;
        }
    }

    /** At least one condition holds (an empty list never holds). */
    record Any(List<Condition> conditions) implements Condition {
        public Any {
            conditions = List.copyOf(conditions);
        }

        @Override
        public boolean test(AlertEvent event) {
            for (Condition condition : conditions) if (condition.test(event)) return true;
            return false;
        }
    }

    /**
     * One comparison, compiled once per configuration revision: the regex of {@code matches} and the number of
     * {@code lt}/{@code lte}/{@code gt}/{@code gte} are read when the rule is built, never per event.
     *
     * @param value   the value as written (for equals, contains, matches, the numeric ones; "true"/"false" for exists)
     * @param values  the list of {@code in}
     */
    record Check(FieldPath field, Operator op, String value, List<String> values, Pattern pattern, double number)
            implements Condition {
        public Check {
            values = values == null ? List.of() : List.copyOf(values);
        }

        /** Builds a test; throws IllegalArgumentException with a reason for a value the operator cannot use. */
        public static Check of(FieldPath field, Operator op, String value, List<String> values) {
            return switch (op) {
                case MATCHES -> {
                    try {
                        yield new Check(field, op, value, null, Pattern.compile(value), Double.NaN);
                    } catch (java.util.regex.PatternSyntaxException e) {
                        throw new IllegalArgumentException("regular expression does not compile: "
                                + e.getDescription() + " near index " + e.getIndex());
                    }
                }
                case LT, LTE, GT, GTE -> {
                    double number = Numbers.parse(value);
                    if (Double.isNaN(number)) {
                        throw new IllegalArgumentException("'" + op.wireName() + "' compares numbers; '" + value + "' is not a number");
                    }
                    yield new Check(field, op, value, null, null, number);
                }
                case EXISTS -> {
                    if (value != null && !value.equals("true") && !value.equals("false")) {
                        throw new IllegalArgumentException("'exists' takes value true or false (default true)");
                    }
                    yield new Check(field, op, value == null ? "true" : value, null, null, Double.NaN);
                }
                case IN -> new Check(field, op, null, values, null, Double.NaN);
                case EQUALS, CONTAINS -> new Check(field, op, value, null, null, Double.NaN);
            };
        }

        @Override
        public boolean test(AlertEvent event) {
            String actual = field.read(event);
            if (op == Operator.EXISTS) return (actual != null) == value.equals("true");
            if (actual == null) return false;
            return switch (op) {
                case EQUALS -> same(actual, value);
                case CONTAINS -> actual.contains(value);
                case MATCHES -> {
                    try {
                        yield pattern.matcher(new BoundedText(actual)).find();
                    } catch (BoundedText.Exhausted e) {
                        yield false;
                    }
                }
                case IN -> {
                    for (String candidate : values) if (same(actual, candidate)) yield true;
                    yield false;
                }
                case LT, LTE, GT, GTE -> {
                    double number = Numbers.parse(actual);
                    if (Double.isNaN(number)) yield false;
                    yield switch (op) {
                        case LT -> number < this.number;
                        case LTE -> number <= this.number;
                        case GT -> number > this.number;
                        default -> number >= this.number;
                    };
                }
                case EXISTS -> throw new AssertionError();
            };
        }

        private static boolean same(String actual, String expected) {
            if (actual.equals(expected)) return true;
            double left = Numbers.parse(actual);
            return !Double.isNaN(left) && left == Numbers.parse(expected);
        }

        /** Operators that take no list. */
        static final Set<Operator> SINGLE = Set.of(Operator.EQUALS, Operator.CONTAINS, Operator.MATCHES,
                Operator.LT, Operator.LTE, Operator.GT, Operator.GTE, Operator.EXISTS);
    }
}
