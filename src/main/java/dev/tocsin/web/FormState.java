package dev.tocsin.web;

import dev.tocsin.refusal.Refusal;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One form as a page shows it again: what was typed, and what was wrong next to the field it concerns
 * ({@code errors}, by field) or above the form ({@code problem}). A refusal's details name the service's
 * parameters ("end: must be after start"); {@link #refused} puts each under the form field it came from.
 */
public record FormState(String name, Map<String, String> values, Map<String, String> errors, String problem) {
    public FormState {
        values = Map.copyOf(values);
        errors = Map.copyOf(errors);
    }

    /** A form shown with these starting values and nothing wrong. */
    static FormState fresh(String name, Map<String, String> values) {
        return new FormState(name, values, Map.of(), null);
    }

    /** The values a request sent for the form's fields. */
    static FormState sent(String name, Context ctx, String... fields) {
        Map<String, String> values = new HashMap<>();
        for (String field : fields) {
            String value = ctx.formParam(field);
            if (value != null) values.put(field, value);
        }
        return new FormState(name, values, Map.of(), null);
    }

    /**
     * The form again with the refusal's problems placed: a detail (or the message) starting with one of
     * {@code fieldOf}'s parameter names goes next to that field, anything else above the form.
     */
    FormState refused(Refusal refusal, Map<String, String> fieldOf) {
        Map<String, String> placed = new LinkedHashMap<>();
        List<String> rest = new ArrayList<>();
        List<String> problems = refusal.details().isEmpty() ? List.of(refusal.getMessage()) : refusal.details();
        for (String problem : problems) {
            int colon = problem.indexOf(": ");
            String field = colon > 0 ? fieldOf.get(problem.substring(0, colon)) : null;
            if (field != null && !placed.containsKey(field)) placed.put(field, problem.substring(colon + 2));
            else rest.add(problem);
        }
        String above = rest.isEmpty() ? null
                : (refusal.details().isEmpty() ? "" : refusal.getMessage() + ": ") + String.join("; ", rest);
        return new FormState(name, values, placed, above);
    }

    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    public boolean selected(String field, String option) {
        return value(field).equals(option);
    }

    /** The problem with the field, or null. */
    public String error(String field) {
        return errors.get(field);
    }

    public boolean invalid() {
        return !errors.isEmpty() || problem != null;
    }

    /** {@code aria-describedby}'s value for a field: the hint's id, and the error's when there is one. */
    public String describedBy(String field, String hintId) {
        String error = errors.containsKey(field) ? name + "-" + field + "-error" : null;
        if (hintId == null) return error;
        return error == null ? hintId : hintId + " " + error;
    }
}
