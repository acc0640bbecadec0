package dev.tocsin.web;

import dev.tocsin.refusal.Refusal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The problems of a refused configuration edit, sorted by the form field they belong to. A refusal's details are
 * lines {@code escalation_policies[ID].levels[0].escalate_after: reason}; a form asks for the reasons at one path
 * (below the object) and shows whatever no field asked for at the top, so no problem goes unshown.
 */
public final class FormProblems {
    private static final FormProblems NONE = new FormProblems(Map.of(), List.of());

    /** Reasons by path below the object ({@code levels[0].escalate_after}; {@code ""} for the object itself). */
    private final Map<String, List<String>> byPath;
    /** Lines that name no path of this object (another object's problem, or a refusal without details). */
    private final List<String> elsewhere;

    private FormProblems(Map<String, List<String>> byPath, List<String> elsewhere) {
        this.byPath = byPath;
        this.elsewhere = elsewhere;
    }

    static FormProblems none() {
        return NONE;
    }

    /** Sorts {@code refusal}'s details below {@code objectPath} ({@code escalation_policies[platform]}). */
    static FormProblems of(Refusal refusal, String objectPath) {
        Map<String, List<String>> byPath = new LinkedHashMap<>();
        List<String> elsewhere = new ArrayList<>();
        for (String line : refusal.details()) {
            int colon = line.indexOf(": ");
            String path = colon < 0 ? null : line.substring(0, colon);
            if (path != null && (path.equals(objectPath) || path.startsWith(objectPath + ".") || path.startsWith(objectPath + "["))) {
                String below = path.substring(objectPath.length()).replaceFirst("^\\.", "");
                byPath.computeIfAbsent(below, key -> new ArrayList<>()).add(line.substring(colon + 2));
            } else {
                elsewhere.add(line);
            }
        }
        if (refusal.details().isEmpty()) elsewhere.add(refusal.getMessage());
        return new FormProblems(byPath, elsewhere);
    }

    /** The reasons at exactly {@code path} ({@code name}, {@code levels[1].escalate_after}). */
    public List<String> at(String path) {
        return byPath.getOrDefault(path, List.of());
    }

    /** The reasons at {@code path} and at its elements ({@code levels[0].notify} and {@code levels[0].notify[2]}). */
    public List<String> within(String path) {
        List<String> reasons = new ArrayList<>();
        byPath.forEach((key, value) -> {
            if (key.equals(path) || key.startsWith(path + "[")) reasons.addAll(value);
        });
        return reasons;
    }

    public boolean isEmpty() {
        return byPath.isEmpty() && elsewhere.isEmpty();
    }

    /** Every problem whose path no field of the form shows, given the paths the form does show. */
    public List<String> unshown(java.util.function.Predicate<String> shownPath) {
        List<String> lines = new ArrayList<>(elsewhere);
        byPath.forEach((path, reasons) -> {
            if (!shownPath.test(path)) reasons.forEach(reason -> lines.add((path.isEmpty() ? "" : path + ": ") + reason));
        });
        return lines;
    }
}
