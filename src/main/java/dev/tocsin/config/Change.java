package dev.tocsin.config;

import java.util.List;

/**
 * What an apply or edit did to one object. {@code fields} lists the changed field paths of a changed
 * object; a changed secret appears as {@code "path (secret)"}, never with its value.
 *
 * @param change one of {@code created}, {@code changed}, {@code removed}, {@code kept}
 */
public record Change(String kind, String id, String change, List<String> fields) {
    public static final String CREATED = "created";
    public static final String CHANGED = "changed";
    public static final String REMOVED = "removed";
    /** Not in the applied file but left in place because prune was off. */
    public static final String KEPT = "kept";

    public Change {
        fields = List.copyOf(fields);
    }

    /** One line as the CLI prints it: {@code ~ schedule platform-primary (changed: layers[0].users)}. */
    public String describe() {
        String sign = switch (change) {
            case CREATED -> "+";
            case REMOVED -> "-";
            case CHANGED -> "~";
            default -> "=";
        };
        String detail = switch (change) {
            case CHANGED -> "changed: " + String.join(", ", fields);
            case KEPT -> "kept (not in file)";
            default -> change;
        };
        return sign + " " + kind + " " + id + " (" + detail + ")";
    }

    static String summary(List<Change> changes) {
        long created = changes.stream().filter(c -> c.change.equals(CREATED)).count();
        long changed = changes.stream().filter(c -> c.change.equals(CHANGED)).count();
        long removed = changes.stream().filter(c -> c.change.equals(REMOVED)).count();
        long kept = changes.stream().filter(c -> c.change.equals(KEPT)).count();
        return created + " created, " + changed + " changed, " + removed + " removed" + (kept > 0 ? ", " + kept + " kept" : "");
    }
}
