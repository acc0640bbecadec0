package dev.tocsin.heartbeat;

import dev.tocsin.config.ConfigService;
import dev.tocsin.engine.TimerEngine;
import dev.tocsin.incident.AlertIntake;
import dev.tocsin.incident.Incident;
import dev.tocsin.incident.IncidentStore;
import dev.tocsin.incident.IncidentStatus;
import dev.tocsin.incident.Incidents;
import dev.tocsin.urgency.Severity;
import dev.tocsin.incident.TimelineEntry;
import dev.tocsin.testing.TestDatabases;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.List;

import static dev.tocsin.heartbeat.HeartbeatFixture.ORGANISATION;
import static dev.tocsin.heartbeat.HeartbeatFixture.START;
import static org.assertj.core.api.Assertions.assertThat;

/** The heartbeat lifecycle on SQLite and PostgreSQL, with time moved by hand: ping, silence, incident, ping again. */
class HeartbeatsTest {
    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void pingsInTimeOpenNoIncident(TestDatabases.Kind kind) {
        try (HeartbeatFixture fixture = new HeartbeatFixture(kind, ORGANISATION)) {
            for (int minute = 0; minute < 30; minute += 5) {
                fixture.advance(Duration.ofMinutes(5));
                fixture.ping("nightly-backup");
                fixture.runDue();
            }
            fixture.advance(Duration.ofMinutes(5).plusSeconds(59));
            fixture.runDue();

            assertThat(fixture.incidents()).isEmpty();
            HeartbeatStatus status = fixture.heartbeats.get("nightly-backup");
            assertThat(status.state()).isEqualTo("ok");
            assertThat(status.pings()).isEqualTo(6);
            assertThat(status.lastPingAt()).isEqualTo(START.plus(Duration.ofMinutes(30)));
            assertThat(status.dueAt()).isEqualTo(START.plus(Duration.ofMinutes(36)));
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void silenceForIntervalPlusGraceOpensExactlyOneCriticalIncidentOnTheService(TestDatabases.Kind kind) {
        try (HeartbeatFixture fixture = new HeartbeatFixture(kind, ORGANISATION)) {
            fixture.ping("nightly-backup");
            fixture.advance(Duration.ofMinutes(5).plusSeconds(59));
            fixture.runDue();
            assertThat(fixture.incidents()).isEmpty();

            fixture.advance(Duration.ofSeconds(1));
            fixture.runDue();
            fixture.runDue();
            fixture.advance(Duration.ofHours(1));
            fixture.runDue();

            assertThat(fixture.incidents()).singleElement().satisfies(incident -> {
                assertThat(incident.serviceId()).isEqualTo("backups");
                assertThat(incident.status()).isEqualTo(IncidentStatus.TRIGGERED);
                assertThat(incident.severity()).isEqualTo(Severity.CRITICAL);
                assertThat(incident.title()).isEqualTo(
                        "Heartbeat Nightly backup missed: no ping since 2026-11-25T03:00:00Z (interval 5m, grace 1m)");
            });
            Incidents.Details details = fixture.incidents.find(fixture.incidents().get(0).id()).orElseThrow();
            TimelineEntry triggered = details.timeline().get(0);
            assertThat(triggered.kind()).isEqualTo("triggered");
            assertThat(triggered.actor()).hasToString("integration:heartbeat");
            assertThat(triggered.at()).isEqualTo(START.plus(Duration.ofMinutes(6)));
            assertThat(details.alerts()).singleElement().satisfies(alert -> assertThat(alert.dedupKey()).isEqualTo("heartbeat:nightly-backup"));
            HeartbeatStatus status = fixture.heartbeats.get("nightly-backup");
            assertThat(status.state()).isEqualTo("expired");
            assertThat(status.incidentId()).isEqualTo(details.incident().id());
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void theNextPingResolvesTheIncidentAndRestartsTheClock(TestDatabases.Kind kind) {
        try (HeartbeatFixture fixture = new HeartbeatFixture(kind, ORGANISATION)) {
            fixture.ping("nightly-backup");
            fixture.advance(Duration.ofMinutes(10));
            fixture.runDue();
            long incidentId = fixture.incidents().get(0).id();

            Heartbeats.Ping ping = fixture.ping("nightly-backup");

            assertThat(ping.previousState()).isEqualTo(HeartbeatState.EXPIRED);
            assertThat(ping.resolvedIncidentId()).isEqualTo(incidentId);
            Incident incident = fixture.incidents.find(incidentId).orElseThrow().incident();
            assertThat(incident.status()).isEqualTo(IncidentStatus.RESOLVED);
            assertThat(incident.resolvedBy()).isEqualTo("integration:heartbeat");
            assertThat(fixture.heartbeats.get("nightly-backup").state()).isEqualTo("ok");

            fixture.advance(Duration.ofMinutes(6));
            fixture.runDue();
            assertThat(fixture.incidents()).hasSize(2);
            assertThat(fixture.incidents()).filteredOn(open -> open.status() == IncidentStatus.TRIGGERED).hasSize(1);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void aHeartbeatThatNeverPingedExpiresCountedFromWhenItWasConfigured(TestDatabases.Kind kind) {
        try (HeartbeatFixture fixture = new HeartbeatFixture(kind, ORGANISATION)) {
            assertThat(fixture.heartbeats.get("nightly-backup").state()).isEqualTo("never");
            assertThat(fixture.heartbeats.get("nightly-backup").dueAt()).isEqualTo(START.plus(Duration.ofMinutes(6)));

            fixture.advance(Duration.ofMinutes(6));
            fixture.runDue();

            assertThat(fixture.incidents()).singleElement().extracting(Incident::title).isEqualTo(
                    "Heartbeat Nightly backup missed: no ping since 2026-11-25T03:00:00Z (never pinged) (interval 5m, grace 1m)");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void frequentPingsDoNotWriteATimerPerPing(TestDatabases.Kind kind) {
        try (HeartbeatFixture fixture = new HeartbeatFixture(kind, ORGANISATION)) {
            for (int second = 0; second < 600; second += 10) {
                fixture.ping("nightly-backup");
                fixture.advance(Duration.ofSeconds(10));
                fixture.runDue();
            }

            // One timer at first sight, then one each time it fires early and moves to the new deadline.
            assertThat(fixture.timerRows()).isLessThanOrEqualTo(3);
            assertThat(fixture.incidents()).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void aLongerIntervalFromAConfigurationChangeMovesTheDeadline(TestDatabases.Kind kind) {
        try (HeartbeatFixture fixture = new HeartbeatFixture(kind, ORGANISATION)) {
            fixture.ping("nightly-backup");
            fixture.apply(ORGANISATION.replace("interval: 5m, grace: 1m", "interval: 1h"));
            assertThat(fixture.heartbeats.get("nightly-backup").dueAt()).isEqualTo(START.plus(Duration.ofMinutes(61)));

            fixture.advance(Duration.ofMinutes(60));
            fixture.runDue();
            assertThat(fixture.incidents()).isEmpty();

            fixture.apply(ORGANISATION.replace("interval: 5m, grace: 1m", "interval: 30m"));
            fixture.runDue();
            assertThat(fixture.incidents()).hasSize(1);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void removingAnExpiredHeartbeatResolvesItsIncidentAndStopsItsTimer(TestDatabases.Kind kind) {
        try (HeartbeatFixture fixture = new HeartbeatFixture(kind, ORGANISATION)) {
            fixture.advance(Duration.ofMinutes(6));
            fixture.runDue();
            long incidentId = fixture.incidents().get(0).id();

            fixture.apply(ORGANISATION.substring(0, ORGANISATION.indexOf("heartbeats:")));

            assertThat(fixture.incidents.find(incidentId).orElseThrow().incident().status()).isEqualTo(IncidentStatus.RESOLVED);
            assertThat(fixture.heartbeats.list()).isEmpty();
            long pending = fixture.database.jdbi().withHandle(handle -> handle.createQuery(
                    "SELECT COUNT(*) FROM timers WHERE done_at IS NULL").mapTo(Long.class).one());
            assertThat(pending).isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void aNodeThatHasNotLoadedTheHeartbeatYetLooksAgainInsteadOfDroppingIt(TestDatabases.Kind kind) {
        String withoutHeartbeats = ORGANISATION.substring(0, ORGANISATION.indexOf("heartbeats:"));
        try (HeartbeatFixture fixture = new HeartbeatFixture(kind, withoutHeartbeats)) {
            ConfigService otherNode = new ConfigService(fixture.database, fixture.clock);   // loaded before the heartbeat existed
            AlertIntake otherIntake = new AlertIntake(fixture.database, key -> otherNode.current().serviceOfKey(key), new IncidentStore(), fixture.clock,
                    new SimpleMeterRegistry(), dev.tocsin.incident.IncidentObserver.NONE);
            TimerEngine otherEngine = new TimerEngine(fixture.database, fixture.clock, "node-b",
                    List.of(new HeartbeatCheck(() -> otherNode.current().document().heartbeats(), otherIntake)));
            fixture.apply(ORGANISATION);

            fixture.advance(Duration.ofMinutes(6));
            assertThat(otherEngine.runDue(fixture.clock.instant())).isEqualTo(1);
            assertThat(fixture.incidents()).isEmpty();

            fixture.advance(HeartbeatCheck.UNKNOWN_RETRY);
            fixture.runDue();
            assertThat(fixture.incidents()).hasSize(1);
        }
    }
}
