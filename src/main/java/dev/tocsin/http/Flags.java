package dev.tocsin.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;

/**
 * Yes/no switches of a request ({@code ?dry_run=true}, {@code "dry_run": true}), read strictly: only {@code true} or
 * {@code false} count, and anything else is a 400 that changes nothing — a switch that guards a real change must
 * never fall back to "off" because it was misspelled.
 */
public final class Flags {
    private Flags() {
    }

    /** The query parameter, or {@code defaultValue} when it is absent; present, it must be true or false. */
    public static boolean query(Context ctx, String name, boolean defaultValue) {
        if (!ctx.queryParamMap().containsKey(name)) return defaultValue;
        String value = ctx.queryParam(name);
        if ("true".equalsIgnoreCase(value)) return true;
        if ("false".equalsIgnoreCase(value)) return false;
        throw ApiException.badRequest(name + ": must be true or false, not '" + (value == null ? "" : value) + "'");
    }

    /** The body field, or {@code defaultValue} when it is absent; present, it must be the JSON literal true or false. */
    public static boolean body(JsonNode body, String name, boolean defaultValue) {
        if (body == null || !body.has(name)) return defaultValue;
        JsonNode value = body.get(name);
        if (value.isBoolean()) return value.booleanValue();
        throw ApiException.badRequest(name + ": must be true or false, not " + value);
    }
}
