package dev.tocsin.events;

import dev.tocsin.auth.Role;
import dev.tocsin.paging.PagingFixture;
import dev.tocsin.testing.TestDatabases;
import dev.tocsin.testing.TestHttp;
import dev.tocsin.trace.Actor;
import dev.tocsin.trace.Channel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two listeners besides paging, added from outside {@code incident/}: a live one told after each commit, and a
 * durable one fed from its outbox in each incident's order, at least once, retried when it fails.
 */
class IncidentEventsTest {
    private PagingFixture fixture;

    @AfterEach
    void stop() {
        if (fixture != null) fixture.close();
    }

    /** A durable listener that records what it took, failing the first {@code failures} deliveries. */
    private static final class Recorder implements DurableIncidentListener {
        final List<IncidentEvent> taken = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger failures;

        Recorder(int failures) {
            this.failures = new AtomicInteger(failures);
        }

        @Override
        public String name() {
            return "test-recorder";
        }

        @Override
        public void deliver(IncidentEvent event) {
            if (failures.getAndDecrement() > 0) throw new IllegalStateException("the chat server is down");
            taken.add(event);
        }

        List<String> kinds(long incidentId) {
            synchronized (taken) {
                return taken.stream().filter(event -> event.incidentId() == incidentId).map(IncidentEvent::kind).toList();
            }
        }
    }

    private static List<IncidentEvent> drain(BlockingQueue<IncidentEvent> queue, int atLeast) throws InterruptedException {
        List<IncidentEvent> events = new ArrayList<>();
        while (events.size() < atLeast) {
            IncidentEvent event = queue.poll(10, TimeUnit.SECONDS);
            if (event == null) break;
            events.add(event);
        }
        queue.drainTo(events);
        return events;
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void aLiveListenerIsToldEveryCommittedChangeInOrder(TestDatabases.Kind kind) throws InterruptedException {
        fixture = PagingFixture.example(kind);
        BlockingQueue<IncidentEvent> live = new LinkedBlockingQueue<>();
        fixture.server.tocsin().events().subscribe(live::add);
        TestHttp alice = fixture.server.as("alice", Role.RESPONDER);

        long id = fixture.trigger("Checkout failing");
        alice.postJson("/api/v1/incidents/" + id + "/acknowledge", "");
        alice.postJson("/api/v1/incidents/" + id + "/notes", "{\"text\":\"Rolling back\"}");
        alice.postJson("/api/v1/incidents/" + id + "/acknowledge", ""); // changes nothing: no event
        alice.postJson("/api/v1/incidents/" + id + "/resolve", "");

        List<IncidentEvent> events = drain(live, fixture.details(id).timeline().size());
        assertThat(events).extracting(IncidentEvent::kind).containsSubsequence("triggered", "acknowledged", "note", "resolved");
        assertThat(events).extracting(IncidentEvent::kind).containsOnlyOnce("acknowledged");
        IncidentEvent acknowledged = events.stream().filter(event -> event.kind().equals("acknowledged")).findFirst().orElseThrow();
        assertThat(acknowledged.number()).isEqualTo("#" + id);
        assertThat(acknowledged.actor()).isEqualTo(Actor.user("alice"));
        assertThat(acknowledged.channel()).isEqualTo(Channel.API);
        assertThat(events).extracting(IncidentEvent::kind)
                .containsExactlyElementsOf(fixture.details(id).timeline().stream().map(entry -> entry.kind()).toList());
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void aDurableListenerTakesEachIncidentsEventsInOrderAndIsRetriedWhenItFails(TestDatabases.Kind kind) {
        fixture = PagingFixture.example(kind);
        Recorder recorder = new Recorder(2);
        fixture.server.tocsin().events().subscribeDurably(recorder);
        TestHttp alice = fixture.server.as("alice", Role.RESPONDER);

        long first = fixture.trigger("Checkout failing");
        long second = fixture.trigger("Payments slow");
        alice.postJson("/api/v1/incidents/" + second + "/resolve", "");
        alice.postJson("/api/v1/incidents/" + first + "/acknowledge", "");
        alice.postJson("/api/v1/incidents/" + first + "/resolve", "");
        fixture.advance(Duration.ofMinutes(10));

        assertThat(recorder.failures.get()).isNegative();
        assertThat(recorder.kinds(first)).containsExactlyElementsOf(
                fixture.details(first).timeline().stream().map(entry -> entry.kind()).toList());
        assertThat(recorder.kinds(second)).containsExactlyElementsOf(
                fixture.details(second).timeline().stream().map(entry -> entry.kind()).toList());
        long queued = fixture.server.tocsin().database().jdbi().withHandle(handle -> EventOutbox.count(handle, "test-recorder"));
        assertThat(queued).isZero();
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void eventsQueuedForADurableListenerWaitInTheDatabaseUntilItTakesThem(TestDatabases.Kind kind) {
        fixture = PagingFixture.example(kind);
        Recorder recorder = new Recorder(Integer.MAX_VALUE);
        fixture.server.tocsin().events().subscribeDurably(recorder);

        long id = fixture.trigger("Checkout failing");
        fixture.advance(Duration.ofMinutes(3));

        long queued = fixture.server.tocsin().database().jdbi().withHandle(handle -> EventOutbox.count(handle, "test-recorder"));
        assertThat(queued).isEqualTo(fixture.details(id).timeline().size());
        assertThat(recorder.taken).isEmpty();
        recorder.failures.set(0);
        fixture.advance(Duration.ofMinutes(10));
        assertThat(recorder.kinds(id)).containsExactlyElementsOf(fixture.details(id).timeline().stream().map(entry -> entry.kind()).toList());
    }
}
