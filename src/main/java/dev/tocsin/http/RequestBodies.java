package dev.tocsin.http;

import dev.tocsin.json.Json;

/** Reading request bodies the same way on every route. */
public final class RequestBodies {
    private RequestBodies() {
    }

    /** A request's body as a JSON object; 400 naming the problem when it is empty, not JSON, or not an object. */
    public static com.fasterxml.jackson.databind.JsonNode jsonObject(io.javalin.http.Context ctx) {
        String body = ctx.body();
        if (body == null || body.isBlank()) throw ApiException.badRequest("the request body is empty; send a JSON object");
        try {
            com.fasterxml.jackson.databind.JsonNode node = Json.mapper().readTree(body);
            if (node == null || !node.isObject()) throw ApiException.badRequest("the body must be a JSON object");
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ApiException.badRequest("the body is not valid JSON: " + e.getOriginalMessage());
        }
    }
}
