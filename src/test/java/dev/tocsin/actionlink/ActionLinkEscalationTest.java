package dev.tocsin.actionlink;

import dev.tocsin.config.Organisation;
import dev.tocsin.escalation.Escalator;
import dev.tocsin.escalation.ManualEscalation;
import dev.tocsin.refusal.Refusal;
import dev.tocsin.respond.ResponderActions;
import dev.tocsin.testing.Organisations;
import dev.tocsin.http.HttpServer;
import dev.tocsin.incident.Incident;
import dev.tocsin.incident.IncidentStatus;
import dev.tocsin.incident.IncidentStore;
import dev.tocsin.incident.Incidents;
import dev.tocsin.urgency.Severity;
import dev.tocsin.urgency.Urgency;
import dev.tocsin.store.Database;
import dev.tocsin.testing.SettableClock;
import dev.tocsin.testing.TestDatabases;
import dev.tocsin.testing.TestHttp;
import dev.tocsin.trace.Actor;
import dev.tocsin.trace.Channel;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Escalate" links with an escalator of the test's own (the paging engine provides the real one): its sentence
 * is the answer, its refusal is shown, and a failure that is not the person's gives the link back.
 */
class ActionLinkEscalationTest {
    static final Instant NOW = Instant.parse("2026-11-25T03:00:00Z");

    /** What the escalator was asked to do, and what it does next. */
    private final List<String> asked = new ArrayList<>();
    private Behaviour behaviour;

    /** What the test's escalator answers (its sentence), or throws. */
    @FunctionalInterface
    private interface Behaviour {
        String escalate(long incidentId, Actor actor, Channel channel);
    }

    private TestDatabases.TestDatabase testDatabase;
    private Database database;
    private HttpServer server;
    private ActionLinks links;

    private void start(TestDatabases.Kind kind) {
        testDatabase = TestDatabases.create(kind);
        database = Database.open(testDatabase.url(), new SimpleMeterRegistry());
        SettableClock clock = new SettableClock(NOW);
        IncidentStore store = new IncidentStore();
        database.writeAndWait(handle -> {
            store.insertIncident(handle, new Incident(7, "customer-api", "Database down", IncidentStatus.TRIGGERED,
                    Urgency.HIGH, Severity.CRITICAL, NOW, NOW, null, null, null, null, 1, 1, List.of()));
            return null;
        });
        links = new ActionLinks(database, () -> "http://127.0.0.1:" + server.port());
        Escalator recording = (incidentId, how, actor, channel) -> {
            asked.add(incidentId + " " + actor + " " + channel.wireName());
            return new ManualEscalation.Result(true, behaviour.escalate(incidentId, actor, channel));
        };
        Incidents incidents = new Incidents(database, store, clock, dev.tocsin.incident.IncidentObserver.NONE);
        Organisation organisation = Organisations.of("users:\n  - id: alice\n    name: Alice\n");
        server = new HttpServer("127.0.0.1", 0, new SimpleMeterRegistry(), List.of(new ActionLinkRoutes(links, incidents,
                new ResponderActions(incidents, recording, () -> organisation, clock), clock))).start();
    }

    @AfterEach
    void stop() {
        if (server != null) server.close();
        if (database != null) database.close();
        if (testDatabase != null) testDatabase.close();
    }

    private String escalateLink() {
        String url = database.writeAndWait(handle -> links.create(handle, 7, "alice", LinkAction.ESCALATE, Channel.EMAIL, NOW));
        return URI.create(url).getPath();
    }

    private TestHttp.Response click(String path) {
        TestHttp http = new TestHttp("http://127.0.0.1:" + server.port(), null);
        return http.send(http.builder(path).header("Accept", "text/plain").POST(HttpRequest.BodyPublishers.noBody()));
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void theEscalatorsSentenceIsTheAnswer(TestDatabases.Kind kind) {
        start(kind);
        behaviour = (incidentId, actor, channel) -> "Paged the next level of policy platform: bob.";
        String path = escalateLink();

        TestHttp.Response done = click(path);

        assertThat(done.status()).isEqualTo(200);
        assertThat(done.body()).isEqualTo("Escalate incident #7\nPaged the next level of policy platform: bob.\n");
        assertThat(asked).containsExactly("7 " + Actor.user("alice") + " email");
        assertThat(click(path).status()).isEqualTo(410);
        assertThat(asked).hasSize(1);
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void aRefusalIsShownAndSpendsTheLink(TestDatabases.Kind kind) {
        start(kind);
        behaviour = (incidentId, actor, channel) -> {
            throw Refusal.conflict("policy platform has no level after level 2");
        };
        String path = escalateLink();

        TestHttp.Response refused = click(path);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("Could not escalate incident #7").contains("Policy platform has no level after level 2");
        assertThat(click(path).status()).isEqualTo(410);
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void aFailureThatIsNotThePersonsGivesTheLinkBack(TestDatabases.Kind kind) {
        start(kind);
        behaviour = (incidentId, actor, channel) -> {
            throw new IllegalStateException("paging engine stopped");
        };
        String path = escalateLink();

        TestHttp.Response failed = click(path);
        assertThat(failed.status()).isEqualTo(503);
        assertThat(failed.body()).startsWith("Tocsin could not do this right now");
        assertThat(failed.headers().firstValue("Retry-After")).hasValue("60");
        assertThat(links.find(path.substring("/actions/".length())).orElseThrow().usedAt()).isNull();

        behaviour = (incidentId, actor, channel) -> "Paged bob.";
        TestHttp.Response retried = click(path);
        assertThat(retried.status()).isEqualTo(200);
        assertThat(asked).hasSize(2);
    }
}
