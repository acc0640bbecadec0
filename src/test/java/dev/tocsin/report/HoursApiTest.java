package dev.tocsin.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tocsin.auth.Role;
import dev.tocsin.cli.TocsinCommand;
import dev.tocsin.testing.Organisations;
import dev.tocsin.testing.TestDatabases;
import dev.tocsin.testing.TestHttp;
import dev.tocsin.testing.TestServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code GET /api/v1/reports/hours} and {@code tocsin hours} through the real server. */
class HoursApiTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2027-04-01T10:00:00Z"), ZoneOffset.UTC);
    private static final String PEOPLE = """
            users:
              - { id: alice, name: "Alice Keller", timezone: Europe/Zurich, working_hours: "Mon-Fri 08:00-18:00" }
              - { id: bob, name: "Bob Meier" }
            """;
    // The example's weekly rotations start Mon 2026-11-02 09:00 Zurich; 20 weeks later (22 March 2027) it is
    // Alice's turn as primary and Bob's as backup, through the spring-forward change on 28 March.
    private static final String WEEK = "?from=2027-03-22T08:00:00Z&to=2027-03-29T07:00:00Z";

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void aBadPeriodIsABadRequestNamingEveryProblem(TestDatabases.Kind kind) {
        try (TestServer server = TestServer.start(kind, PEOPLE, CLOCK)) {
            JsonNode error = server.http().get("/api/v1/reports/hours?from=yesterday&format=xml").json().path("error");
            assertThat(error.path("details").toString()).contains("from:", "to: required", "format:");
            assertThat(server.http().get("/api/v1/reports/hours?from=2027-03-02&to=2027-03-01").status()).isEqualTo(400);
            assertThat(server.http().get("/api/v1/reports/hours?from=2026-01-01&to=2027-03-01").status()).isEqualTo(400);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void aPersonWhoIsNotAnAdminSeesOnlyTheirOwnLine(TestDatabases.Kind kind) {
        try (TestServer server = TestServer.start(kind, PEOPLE, CLOCK)) {
            JsonNode all = server.http().get("/api/v1/reports/hours?from=2027-03-01&to=2027-04-01").json();
            assertThat(all.path("people")).hasSize(2);
            JsonNode own = server.as("bob", Role.RESPONDER).get("/api/v1/reports/hours?from=2027-03-01&to=2027-04-01").json();
            assertThat(own.path("people")).hasSize(1);
            assertThat(own.path("people").get(0).path("user_id").asText()).isEqualTo("bob");
            assertThat(own.path("people").get(0).path("total_hours").asDouble()).isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void csvIsServedForFormatCsvAndForAcceptTextCsv(TestDatabases.Kind kind) {
        try (TestServer server = TestServer.start(kind, PEOPLE, CLOCK)) {
            TestHttp.Response byParameter = server.http().get("/api/v1/reports/hours?from=2027-03-01&to=2027-04-01&format=csv");
            assertThat(byParameter.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
            assertThat(byParameter.body()).startsWith(HoursCsv.HEADER + "\r\n")
                    .contains("alice,Alice Keller,Europe/Zurich,Mon-Fri 08:00-18:00,0.00,0.00,0.00,0.00,0.00,0.00,0,0,0\r\n")
                    .contains("bob,Bob Meier,UTC,,0.00,0.00,0.00,,,,0,0,\r\n");
            HttpRequest.Builder accept = server.http().builder("/api/v1/reports/hours?from=2027-03-01&to=2027-04-01")
                    .header("Accept", "text/csv").GET();
            assertThat(server.http().send(accept).body()).isEqualTo(byParameter.body());
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void theExampleWeekCountsAlicesPrimaryAndBobsBackupHours(TestDatabases.Kind kind) {
        assumeTrue(Organisations.scheduleComputationAvailable(), "waits for the schedule computation (sched-core)");
        try (TestServer server = TestServer.start(kind, TestServer.resource("config/example.yaml"), CLOCK)) {
            JsonNode people = server.http().get("/api/v1/reports/hours" + WEEK).json().path("people");
            JsonNode alice = people.get(0);
            assertThat(alice.path("user_id").asText()).isEqualTo("alice");
            assertThat(alice.path("primary_hours").asDouble()).isEqualTo(167.0);
            assertThat(alice.path("backup_hours").asDouble()).isZero();
            assertThat(alice.path("outside_working_hours").asDouble()).isEqualTo(117.0);
            JsonNode bob = people.get(1);
            assertThat(bob.path("backup_hours").asDouble()).isEqualTo(167.0);
            assertThat(bob.has("outside_working_hours")).isFalse();

            String token = server.tocsin().tokens().create("admin", Role.ADMIN, "cli").secret();
            StringWriter out = new StringWriter();
            int exit = TocsinCommand.commandLine().setOut(new PrintWriter(out)).execute("hours", "--from", "2027-03-22T08:00:00Z",
                    "--to", "2027-03-29T07:00:00Z", "--csv", "--server", server.baseUrl(), "--token", token);
            assertThat(exit).isZero();
            assertThat(out.toString()).contains("alice,Alice Keller,Europe/Zurich,Mon-Fri 08:00-18:00,167.00,0.00,167.00,117.00,0.00,117.00,0,0,0\r\n");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void theCliPrintsATable(TestDatabases.Kind kind) {
        try (TestServer server = TestServer.start(kind, PEOPLE, CLOCK)) {
            String token = server.tocsin().tokens().create("admin", Role.ADMIN, "cli").secret();
            StringWriter out = new StringWriter();
            int exit = TocsinCommand.commandLine().setOut(new PrintWriter(out)).execute("hours", "--from", "2027-03-01",
                    "--to", "2027-04-01", "--server", server.baseUrl(), "--token", token);
            assertThat(exit).isZero();
            assertThat(out.toString()).contains("USER", "PRIMARY", "PAGES", "NOTIFIED", "PAGES-OUTSIDE", "alice", "0.00", "bob");
        }
    }
}
