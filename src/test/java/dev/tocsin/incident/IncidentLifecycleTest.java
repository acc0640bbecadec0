package dev.tocsin.incident;

import dev.tocsin.urgency.Urgency;
import dev.tocsin.urgency.Severity;
import dev.tocsin.trace.Actor;
import dev.tocsin.trace.Channel;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IncidentLifecycleTest {
    private static final Instant OPENED = Instant.parse("2026-11-25T03:00:00Z");
    private static final Actor ALICE = Actor.user("alice");

    private static AlertEvent trigger(Severity severity, String summary) {
        return new AlertEvent("key", "events-v2", AlertAction.TRIGGER, "disk-full", summary, severity,
                severity.wireName(), "db-1", null, null, null, null, null, List.of(), "{}");
    }

    @Test
    void anIncidentOpensTriggeredWithTheUrgencyOfItsSeverity() {
        Incident critical = IncidentLifecycle.open(1, "customer-api", trigger(Severity.CRITICAL, "DB down"), OPENED);
        Incident warning = IncidentLifecycle.open(2, "customer-api", trigger(Severity.WARNING, "Disk 80%"), OPENED);

        assertThat(critical.status()).isEqualTo(IncidentStatus.TRIGGERED);
        assertThat(critical.urgency()).isEqualTo(Urgency.HIGH);
        assertThat(warning.urgency()).isEqualTo(Urgency.LOW);
        assertThat(critical.number()).isEqualTo("#1");
        assertThat(critical.title()).isEqualTo("DB down");
    }

    @Test
    void acknowledgingRecordsWhoWhenAndThroughWhichChannel() {
        Incident incident = IncidentLifecycle.open(7, "api", trigger(Severity.ERROR, "5xx rate"), OPENED);
        Instant at = OPENED.plusSeconds(120);

        Transition transition = IncidentLifecycle.acknowledge(incident, ALICE, Channel.CLI, at);

        assertThat(transition).isInstanceOf(Transition.Changed.class);
        Transition.Changed changed = (Transition.Changed) transition;
        assertThat(changed.incident().status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
        assertThat(changed.incident().acknowledgedAt()).isEqualTo(at);
        assertThat(changed.incident().acknowledgedBy()).isEqualTo("user:alice");
        assertThat(changed.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.kind()).isEqualTo("acknowledged");
            assertThat(entry.channel()).isEqualTo(Channel.CLI);
            assertThat(entry.actor()).isEqualTo(ALICE);
            assertThat(entry.at()).isEqualTo(at);
        });
    }

    @Test
    void acknowledgingTwiceChangesNothingAndSaysWhoHasIt() {
        Incident acked = ((Transition.Changed) IncidentLifecycle.acknowledge(
                IncidentLifecycle.open(7, "api", trigger(Severity.ERROR, "x"), OPENED), ALICE, Channel.API, OPENED)).incident();

        Transition again = IncidentLifecycle.acknowledge(acked, Actor.user("bob"), Channel.API, OPENED.plusSeconds(5));

        assertThat(again).isInstanceOf(Transition.Unchanged.class);
        assertThat(((Transition.Unchanged) again).reason()).contains("already acknowledged by user:alice");
    }

    @Test
    void aResolvedIncidentCannotBeAcknowledged() {
        Incident resolved = ((Transition.Changed) IncidentLifecycle.resolve(
                IncidentLifecycle.open(3, "api", trigger(Severity.ERROR, "x"), OPENED), ALICE, Channel.API, OPENED)).incident();

        assertThat(IncidentLifecycle.acknowledge(resolved, ALICE, Channel.API, OPENED)).isInstanceOf(Transition.Refused.class);
        assertThat(IncidentLifecycle.resolve(resolved, ALICE, Channel.API, OPENED)).isInstanceOf(Transition.Unchanged.class);
    }

    @Test
    void theIncidentResolvesWithItsLastOpenAlert() {
        Incident twoAlerts = new Incident(5, "api", "x", IncidentStatus.ACKNOWLEDGED, Urgency.HIGH, Severity.ERROR,
                OPENED, OPENED, OPENED, "user:alice", null, null, 2, 2, List.of());
        Actor source = Actor.integration("alertmanager");

        Transition.Changed first = (Transition.Changed) IncidentLifecycle.alertResolved(twoAlerts, 10, "a", source, OPENED);
        assertThat(first.incident().status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
        assertThat(first.incident().openAlerts()).isEqualTo(1);
        assertThat(first.entries()).extracting(TimelineEntry::kind).containsExactly("alert_resolved");

        Transition.Changed last = (Transition.Changed) IncidentLifecycle.alertResolved(first.incident(), 11, "b", source, OPENED);
        assertThat(last.incident().status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(last.incident().resolvedBy()).isEqualTo("integration:alertmanager");
        assertThat(last.entries()).extracting(TimelineEntry::kind).containsExactly("alert_resolved", "resolved");
    }

    @Test
    void aLongSummaryIsCutToTheTitleLimit() {
        Incident incident = IncidentLifecycle.open(1, "api", trigger(Severity.INFO, "x".repeat(5000)), OPENED);
        assertThat(incident.title()).hasSize(IncidentLifecycle.MAX_TITLE);
    }
}
