package dev.tocsin.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tocsin.testing.TestDatabases;
import dev.tocsin.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiTest {
    @Test
    void everyEndpointIsDocumentedAndTheDocumentIsServed() {
        try (TestServer server = TestServer.start(TestDatabases.Kind.SQLITE, null)) {
            JsonNode served = server.http().anonymous().get("/api/v1/openapi.json").json();
            assertThat(served.path("openapi").asText()).startsWith("3.");
            JsonNode paths = served.path("paths");
            assertThat(server.tocsin().endpoints()).contains("GET /api/v1/incidents", "POST /api/v1/incidents/{id}/acknowledge");
            for (String endpoint : server.tocsin().endpoints()) {
                String[] parts = endpoint.split(" ", 2);
                String method = parts[0].toLowerCase(Locale.ROOT);
                if (method.equals("before") || method.equals("after") || method.equals("head") || method.equals("options")) {
                    continue;
                }
                if (dev.tocsin.web.WebRoutes.PATHS.contains(parts[1])) continue;   // web UI pages, not the API
                assertThat(paths.path(parts[1]).has(method)).as("%s is documented in openapi.yaml", endpoint).isTrue();
            }
        }
    }
}
