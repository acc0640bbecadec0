package dev.tocsin.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.tocsin.auth.Role;
import dev.tocsin.json.Json;
import dev.tocsin.testing.TestDatabases;
import dev.tocsin.testing.TestServer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** Importing a shared calendar into the example's primary schedule, from a body, a local file and a URL. */
class CalendarImportApiTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2027-03-01T00:00:00Z"), ZoneOffset.UTC);
    private static final String ICS = TestServer.resource("calendar/shared-calendar.ics");

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void anImportedLayerDecidesWhoIsOnCallAndIsPartOfTheConfiguration(TestDatabases.Kind kind) {
        try (TestServer server = TestServer.start(kind, TestServer.resource("config/example.yaml"), CLOCK)) {
            JsonNode outcome = server.http().postJson("/api/v1/schedules/platform-primary/import",
                    Json.write(Map.of("layer", "google", "ics", ICS))).json();

            assertThat(outcome.path("applied").asBoolean()).isTrue();
            assertThat(outcome.path("shift_count").asInt()).isEqualTo(8);
            assertThat(outcome.path("skipped")).hasSize(2);
            var onCall = server.tocsin().onCall().forSchedule("platform-primary");
            // Week of 1 March is Bob's turn in the rotation; the imported Monday shift makes it Alice.
            assertThat(onCall.at(Instant.parse("2027-03-01T10:00:00Z"))).containsExactly("alice");
            assertThat(onCall.at(Instant.parse("2027-03-01T17:00:00Z"))).containsExactly("bob");
            assertThat(server.tocsin().config().exportYaml()).contains("name: google", "2027-03-01T08:00:00Z");

            // Importing again replaces the layer rather than adding a second one.
            server.http().postJson("/api/v1/schedules/platform-primary/import", Json.write(Map.of("layer", "google", "ics", ICS)));
            assertThat(server.tocsin().config().current().schedule("platform-primary").orElseThrow().layers()).hasSize(2);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void theCliImportsALocalFileAndAUrl(TestDatabases.Kind kind, @TempDir Path directory) throws Exception {
        Path file = directory.resolve("oncall.ics");
        Files.writeString(file, ICS);
        AtomicReference<String> served = new AtomicReference<>(ICS);
        HttpServer calendarHost = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        calendarHost.createContext("/oncall.ics", exchange -> {
            byte[] bytes = served.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/calendar; charset=utf-8");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        calendarHost.start();
        try (TestServer server = TestServer.start(kind, TestServer.resource("config/example.yaml"), CLOCK)) {
            String token = server.adminToken();
            CalendarApiTest.Run dry = CalendarApiTest.cli("calendar-import", "--schedule", "platform-primary", "--file", file.toString(),
                    "--dry-run", "--server", server.baseUrl(), "--token", token);
            assertThat(dry.exit()).isZero();
            assertThat(dry.out()).contains("alice  2027-03-01T08:00:00Z - 2027-03-01T16:00:00Z", "skipped: event 'alice' (cancelled@oncall): cancelled",
                    "Would import 8 shifts into layer 'imported' of schedule 'platform-primary'.");
            assertThat(server.tocsin().config().current().schedule("platform-primary").orElseThrow().layers()).hasSize(1);

            CalendarApiTest.Run fromFile = CalendarApiTest.cli("calendar-import", "--schedule", "platform-primary", "--file", file.toString(),
                    "--server", server.baseUrl(), "--token", token);
            assertThat(fromFile.out()).contains("Imported 8 shifts into layer 'imported'");

            served.set(ICS.replace("COUNT=6", "COUNT=1"));
            String url = "http://127.0.0.1:" + calendarHost.getAddress().getPort() + "/oncall.ics";
            CalendarApiTest.Run fromUrl = CalendarApiTest.cli("calendar-import", "--schedule", "platform-primary", "--url", url,
                    "--layer", "imported", "--server", server.baseUrl(), "--token", token);
            assertThat(fromUrl.exit()).as(fromUrl.err()).isZero();
            assertThat(fromUrl.out()).contains("Imported 3 shifts into layer 'imported'");
            assertThat(server.tocsin().config().current().schedule("platform-primary").orElseThrow().layers().get(1).shifts()).hasSize(3);
        } finally {
            calendarHost.stop(0);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void importsAreForAdminsAndRefuseWhatTheyCannotUse(TestDatabases.Kind kind) {
        try (TestServer server = TestServer.start(kind, TestServer.resource("config/example.yaml"), CLOCK)) {
            String body = Json.write(Map.of("layer", "google", "ics", ICS));
            assertThat(server.as("alice", Role.RESPONDER).postJson("/api/v1/schedules/platform-primary/import", body).status()).isEqualTo(403);
            assertThat(server.http().postJson("/api/v1/schedules/platform-primary/import",
                    Json.write(Map.of("layer", "weekly", "ics", ICS))).status()).isEqualTo(409);
            assertThat(server.http().postJson("/api/v1/schedules/platform-primary/import",
                    Json.write(Map.of("layer", "x", "ics", "not a calendar"))).status()).isEqualTo(400);
            assertThat(server.http().postJson("/api/v1/schedules/platform-primary/import",
                    Json.write(Map.of("layer", "x", "url", "file:///etc/passwd"))).status()).isEqualTo(400);
            assertThat(server.http().postJson("/api/v1/schedules/nope/import", body).status()).isEqualTo(404);
            JsonNode missing = server.http().postJson("/api/v1/schedules/platform-primary/import", "{}").json();
            assertThat(missing.path("error").path("details")).hasSize(2);
        }
    }
}
