package dev.tocsin.schedule;

import dev.tocsin.config.ConfigException;
import dev.tocsin.config.ConfigService;
import dev.tocsin.config.Organisation;
import dev.tocsin.store.Database;
import dev.tocsin.testing.Organisations;
import dev.tocsin.testing.TestDatabases;
import dev.tocsin.trace.Actor;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A layer of fixed shifts (an imported calendar): its YAML, its validation and how it takes part in who is on call. */
class FixedShiftLayerTest {
    static final String YAML = """
            users:
              - { id: alice, name: Alice }
              - { id: bob, name: Bob }
              - { id: carol, name: Carol }
            schedules:
              - id: s
                name: S
                timezone: Europe/Zurich
                layers:
                  - name: weekly
                    rotation: { every: 1w, handoff: "Mon 09:00", starts: 2027-03-01 }
                    users: [alice]
                  - name: imported
                    shifts:
                      - { user: bob, start: "2027-03-02T09:00", end: "2027-03-02T17:00" }
                      - { user: carol, start: "2027-03-02T16:00:00Z", end: "2027-03-02T18:00:00Z" }
            """;

    @Test
    void fixedShiftsWinOverTheRotationBelowAndOverlappingShiftsCombine() {
        Organisation organisation = Organisations.of(YAML);
        OnCall onCall = new OnCall(organisation.schedule("s").orElseThrow(), List.of());

        // 09:00 Zurich in March is 08:00Z; 17:00 local is 16:00Z.
        assertThat(onCall.at(Instant.parse("2027-03-02T07:59:00Z"))).containsExactly("alice");
        assertThat(onCall.at(Instant.parse("2027-03-02T08:00:00Z"))).containsExactly("bob");
        assertThat(onCall.at(Instant.parse("2027-03-02T16:00:00Z"))).containsExactly("carol");
        assertThat(onCall.at(Instant.parse("2027-03-02T15:59:00Z"))).containsExactly("bob");
        assertThat(onCall.shifts(Instant.parse("2027-03-02T00:00:00Z"), Instant.parse("2027-03-03T00:00:00Z")))
                .containsExactly(
                        new Shift(Instant.parse("2027-03-02T00:00:00Z"), Instant.parse("2027-03-02T08:00:00Z"), Set.of("alice")),
                        new Shift(Instant.parse("2027-03-02T08:00:00Z"), Instant.parse("2027-03-02T16:00:00Z"), Set.of("bob")),
                        new Shift(Instant.parse("2027-03-02T16:00:00Z"), Instant.parse("2027-03-02T18:00:00Z"), Set.of("carol")),
                        new Shift(Instant.parse("2027-03-02T18:00:00Z"), Instant.parse("2027-03-03T00:00:00Z"), Set.of("alice")));
    }

    @Test
    void overlappingShiftsInOneFixedLayerAreOnCallTogether() {
        Layer layer = Layer.ofShifts("imported", null, null, List.of(
                new FixedShift("bob", Instant.parse("2027-03-02T08:00:00Z"), Instant.parse("2027-03-02T16:00:00Z")),
                new FixedShift("carol", Instant.parse("2027-03-02T12:00:00Z"), Instant.parse("2027-03-02T18:00:00Z"))));
        OnCall onCall = new OnCall(new Schedule("s", "S", null, java.time.ZoneId.of("UTC"), List.of(layer)), List.of());

        assertThat(onCall.at(Instant.parse("2027-03-02T13:00:00Z"))).containsExactlyInAnyOrder("bob", "carol");
        assertThat(onCall.at(Instant.parse("2027-03-02T17:00:00Z"))).containsExactly("carol");
        assertThat(onCall.at(Instant.parse("2027-03-02T18:00:00Z"))).isEmpty();
    }

    @Test
    void aFixedLayerRoundTripsThroughExport() throws Exception {
        try (TestDatabases.TestDatabase testDatabase = TestDatabases.sqlite();
             Database database = Database.open(testDatabase.url(), new SimpleMeterRegistry())) {
            ConfigService config = new ConfigService(database, Clock.systemUTC());
            config.apply(YAML, "test.yaml", Map.of(), false, true, Actor.system());
            String exported = config.exportYaml();
            assertThat(exported).contains("2027-03-02T08:00:00Z", "2027-03-02T16:00:00Z");
            Schedule before = config.current().schedule("s").orElseThrow();
            assertThat(config.apply(exported, "exported.yaml", Map.of(), false, true, Actor.system()).changes()).isEmpty();
            assertThat(config.current().schedule("s").orElseThrow()).isEqualTo(before);
        }
    }

    @Test
    void aBrokenFixedLayerReportsEachProblemWithItsLine() {
        String yaml = """
                users: [ { id: bob, name: Bob } ]
                schedules:
                  - id: s
                    name: S
                    timezone: UTC
                    layers:
                      - name: imported
                        users: [bob]
                        shifts:
                          - { user: ghost, start: "2027-03-02T09:00", end: "2027-03-02T17:00" }
                          - { user: bob, start: "soon", end: "2027-03-02T17:00" }
                          - { user: bob, start: "2027-03-02T17:00", end: "2027-03-02T09:00" }
                """;
        try (TestDatabases.TestDatabase testDatabase = TestDatabases.sqlite();
             Database database = Database.open(testDatabase.url(), new SimpleMeterRegistry())) {
            ConfigService config = new ConfigService(database, Clock.systemUTC());
            ConfigException failure = catchThrowableOfType(ConfigException.class,
                    () -> config.apply(yaml, "broken.yaml", Map.of(), false, true, Actor.system()));
            assertThat(failure.problems()).containsExactlyInAnyOrder(
                    "broken.yaml:8: schedules[0].layers[0].users: a layer has either 'shifts' or a rotation with users, not both; remove 'users'",
                    "broken.yaml:11: schedules[0].layers[0].shifts[1].start: 'soon' is not a time; write 2027-03-01T09:00:00Z, 2027-03-01T09:00+01:00 or 2027-03-01T09:00 (in the layer's time zone)",
                    "broken.yaml:12: schedules[0].layers[0].shifts[2].end: end (2027-03-02T09:00:00Z) must be after start (2027-03-02T17:00:00Z)",
                    "broken.yaml:10: schedules[0].layers[0].shifts[0].user: unknown user 'ghost'");
        }
    }
}
