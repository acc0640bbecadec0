package dev.tocsin.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;

/** The OpenAPI document, written by hand in {@code openapi.yaml} and served as JSON. */
public final class OpenApiDocument {
    private OpenApiDocument() {
    }

    public static JsonNode load() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream("/openapi.yaml")) {
            if (in == null) throw new IllegalStateException("openapi.yaml is missing from the jar");
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("openapi.yaml is not valid YAML: " + e.getMessage(), e);
        }
    }
}
