package dev.tocsin.migrate.opsgenie;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.tocsin.cli.TocsinCommand;
import dev.tocsin.config.ConfigFiles;
import dev.tocsin.config.Document;
import dev.tocsin.migrate.Equivalence;
import dev.tocsin.migrate.Migration;
import dev.tocsin.migrate.MigrationYaml;
import dev.tocsin.migrate.Progress;
import dev.tocsin.migrate.Report;
import dev.tocsin.migrate.Verifier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

class OpsgenieImportTest {
    /** Four weeks across Berlin's spring-forward on 2027-03-28. */
    private static final Instant NOW = Instant.parse("2027-03-22T00:00:00Z");
    private static final Instant UNTIL = NOW.plus(Duration.ofDays(28));

    @RegisterExtension
    static WireMockExtension opsgenie = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final List<Duration> slept = new ArrayList<>();
    private OpsgenieFake fake;

    @BeforeEach
    void serve() {
        fake = new OpsgenieFake(opsgenie);
        fake.serve();
    }

    private OpsgenieSource source() {
        return new OpsgenieSource(opsgenie.baseUrl(), "key-1", slept::add, NOW);
    }

    @Test
    void theImportedConfigurationValidatesThroughTheRealParser() {
        Migration migration = source().read(Progress.NONE);
        String yaml = MigrationYaml.write("opsgenie", migration.configuration());

        Document document = ConfigFiles.read(yaml, "org.yaml", Map.of());

        assertThat(migration.report().errors()).isEmpty();
        assertThat(document.users()).extracting(user -> user.id()).containsExactly("alice", "bob", "carol");
        assertThat(document.schedules()).first().satisfies(schedule ->
                assertThat(schedule.layers()).extracting(layer -> layer.name()).containsExactly("weekly", "evening"));
        assertThat(document.escalationPolicies()).singleElement().satisfies(policy -> assertThat(policy.levels()).hasSize(4));
        assertThat(document.services()).extracting(service -> service.id()).containsExactly("prometheus-prod", "datadog");
        assertThat(document.heartbeats()).singleElement().satisfies(heartbeat -> assertThat(heartbeat.id()).isEqualTo("nightly-backup"));
        assertThat(yaml).contains("key: 3f9c0d2a-7b4e-4c1f-9a8d-6e5b2c1a0f9e", "to: \"+491701234567\"", "repeat_every: 10m");
    }

    @Test
    void followsTheUsersPagesAndWaitsOutTheRateLimit() {
        source().read(Progress.NONE);

        opsgenie.verify(getRequestedFor(urlPathEqualTo("/v2/users")).withQueryParam("offset",
                com.github.tomakehurst.wiremock.client.WireMock.equalTo("100")));
        assertThat(slept).containsExactly(Duration.ofMillis(10));
        opsgenie.verify(2, getRequestedFor(urlPathEqualTo("/v2/schedules")));
    }

    @Test
    void theReportListsEveryFeatureThatDoesNotMapExactly() {
        Migration migration = source().read(Progress.NONE);
        String markdown = migration.report().markdown(migration.overrides());

        assertThat(migration.report().unmapped()).extracting(Report.Unmapped::feature).contains(
                "contact mobile Alice's iPhone", "actionType schedule-start", "repeat every 10m",
                "condition if-not-closed", "notifyType next", "notifyType admins", "resetRecipientStates",
                "type Datadog", "API key", "disabled", "notification forwarding", "maintenance window", "ping URL",
                "owner team Platform", "team participant Platform");
        assertThat(migration.report().unmapped()).anySatisfy(item -> assertThat(item.feature()).startsWith("empty turns (1 of 3"));
        assertThat(migration.report().unmapped()).anySatisfy(item -> assertThat(item.source()).isEqualTo("Platform: Database alerts"));
        assertThat(markdown).contains("| schedule | Platform primary | schedule platform-primary",
                "tocsin override add --schedule platform-primary --user bob --from 2027-03-30T10:00:00Z --to 2027-03-30T14:00:00Z",
                "| override | Platform primary: last-year | not imported (outside the next 90 days) |");
    }

    @Test
    void verifyFindsTheScheduleIdenticalForFourWeeksAcrossTheDstChange() {
        fake.serveTimeline(NOW, UNTIL, periods -> periods);
        OpsgenieSource source = source();
        Migration migration = source.read(Progress.NONE);

        List<Equivalence.Verdict> verdicts = Verifier.verify(source, migration,
                MigrationYaml.write("opsgenie", migration.configuration()), "org.yaml", Map.of(), NOW, 4);

        assertThat(verdicts).first().satisfies(verdict -> assertThat(verdict.describe()).isEqualTo("platform-primary: identical"));
        // The rotation with an empty turn was reported as not mapping exactly; the check shows it too.
        assertThat(verdicts.get(1).identical()).isFalse();
    }

    @Test
    void anInducedDifferenceIsReportedWithItsIntervalAndANonZeroExit(@TempDir Path dir) throws Exception {
        Instant evening = Instant.parse("2027-03-29T16:00:00Z");   // 18:00 CEST, the day after the change
        fake.serveTimeline(NOW, UNTIL, periods -> periods.stream().map(period -> period.start().equals(evening)
                ? new OpsgenieFake.Period(period.rotation(), period.start(), period.end(), OpsgenieFake.BOB) : period).toList());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = TocsinCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute("import", "opsgenie",
                "--api-url", opsgenie.baseUrl(), "--token", "key-1", "--out", dir.resolve("org.yaml").toString(),
                "--report", dir.resolve("report.md").toString(), "--verify", "--weeks", "4", "--at", NOW.toString());

        assertThat(exit).isEqualTo(3);
        assertThat(out.toString()).contains("platform-primary: 1 differing interval",
                "2027-03-29T16:00:00Z–2027-03-29T20:00:00Z: source alice+bob, tocsin alice+carol");
        assertThat(Files.readString(dir.resolve("report.md"))).contains("## Features that do not map exactly");
        assertThat(err.toString()).contains("the imported schedules differ from opsgenie");
    }

    @Test
    void verifyImportChecksAGivenConfigurationFile(@TempDir Path dir) throws Exception {
        fake.serveTimeline(NOW, UNTIL, periods -> periods);
        Migration migration = source().read(Progress.NONE);
        Files.writeString(dir.resolve("org.yaml"), MigrationYaml.write("opsgenie", migration.configuration()));
        StringWriter out = new StringWriter();

        int exit = TocsinCommand.commandLine().setOut(new PrintWriter(out)).execute("verify-import", "--from", "opsgenie",
                "--api-url", opsgenie.baseUrl(), "--token", "key-1", "--config", dir.resolve("org.yaml").toString(), "--at", NOW.toString());

        assertThat(exit).isEqualTo(3);
        assertThat(out.toString()).contains("platform-primary: identical",
                "databases: ", "2027-03-22T00:00:00Z–2027-03-23T00:00:00Z: source nobody, tocsin alice+bob+carol");
    }
}
