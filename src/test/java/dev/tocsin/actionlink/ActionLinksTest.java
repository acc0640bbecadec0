package dev.tocsin.actionlink;

import dev.tocsin.auth.TokenStore;
import dev.tocsin.incident.Incident;
import dev.tocsin.incident.IncidentStatus;
import dev.tocsin.incident.IncidentStore;
import dev.tocsin.urgency.Severity;
import dev.tocsin.urgency.Urgency;
import dev.tocsin.store.Database;
import dev.tocsin.testing.TestDatabases;
import dev.tocsin.trace.Channel;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The link store on its own, on SQLite and PostgreSQL: issuing, spending once, expiry, and what is kept. */
class ActionLinksTest {
    static final Instant SENT = Instant.parse("2026-11-25T03:00:00Z");
    static final String PUBLIC_URL = "https://tocsin.example.com";

    private TestDatabases.TestDatabase testDatabase;
    private Database database;
    private ActionLinks links;

    private void open(TestDatabases.Kind kind) {
        testDatabase = TestDatabases.create(kind);
        database = Database.open(testDatabase.url(), new SimpleMeterRegistry());
        links = new ActionLinks(database, () -> PUBLIC_URL);
        database.writeAndWait(handle -> {
            new IncidentStore().insertIncident(handle, new Incident(123, "customer-api", "Database down",
                    IncidentStatus.TRIGGERED, Urgency.HIGH, Severity.CRITICAL, SENT, SENT, null, null, null, null, 1, 1, List.of()));
            return null;
        });
    }

    @AfterEach
    void close() {
        if (database != null) database.close();
        if (testDatabase != null) testDatabase.close();
    }

    private String issue(LinkAction action, Channel channel) {
        String url = database.writeAndWait(handle -> links.create(handle, 123, "alice", action, channel, SENT));
        return url.substring(url.lastIndexOf('/') + 1);
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void aLinkIsAnAbsoluteAddressUnderThePublicUrlWithA256BitToken(TestDatabases.Kind kind) {
        open(kind);
        String url = database.writeAndWait(handle -> links.create(handle, 123, "alice", LinkAction.ACKNOWLEDGE, Channel.EMAIL, SENT));

        assertThat(url).startsWith(PUBLIC_URL + "/actions/tact_");
        String token = URI.create(url).getPath().substring("/actions/".length());
        assertThat(java.util.Base64.getUrlDecoder().decode(token.substring("tact_".length()))).hasSize(32);
        assertThat(links.find(token)).hasValueSatisfying(link -> {
            assertThat(link.incidentId()).isEqualTo(123);
            assertThat(link.userId()).isEqualTo("alice");
            assertThat(link.action()).isEqualTo(LinkAction.ACKNOWLEDGE);
            assertThat(link.channel()).isEqualTo(Channel.EMAIL);
            assertThat(link.expiresAt()).isEqualTo(SENT.plus(ActionLinks.DEFAULT_LIFETIME));
            assertThat(link.usedAt()).isNull();
        });
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void theTokenIsStoredOnlyAsItsHash(TestDatabases.Kind kind) {
        open(kind);
        String token = issue(LinkAction.RESOLVE, Channel.PUSH);

        List<Map<String, Object>> rows = database.jdbi().withHandle(handle ->
                handle.createQuery("SELECT * FROM action_links").mapToMap().list());
        assertThat(rows).hasSize(1);
        String secretPart = token.substring("tact_".length());
        for (Object value : rows.get(0).values()) {
            assertThat(String.valueOf(value)).doesNotContain(secretPart);
        }
        assertThat(rows.get(0).get("token_hash")).isEqualTo(TokenStore.hash(token));
        assertThat(rows.get(0).keySet()).doesNotContain("ip", "used_by_ip", "user_agent");
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void aLinkIsSpentOnceAndSaysWhen(TestDatabases.Kind kind) {
        open(kind);
        String token = issue(LinkAction.ACKNOWLEDGE, Channel.EMAIL);
        Instant clicked = SENT.plus(Duration.ofMinutes(3));

        assertThat(links.claim(token, clicked)).hasValueSatisfying(claim -> {
            assertThat(claim.claimed()).isTrue();
            assertThat(claim.link().usedAt()).isEqualTo(clicked);
        });
        assertThat(links.claim(token, clicked.plusSeconds(5))).hasValueSatisfying(claim -> {
            assertThat(claim.claimed()).isFalse();
            assertThat(claim.link().state(clicked.plusSeconds(5))).isEqualTo(ActionLink.State.USED);
            assertThat(claim.link().usedAt()).isEqualTo(clicked);
        });
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void anExpiredLinkCannotBeSpent(TestDatabases.Kind kind) {
        open(kind);
        String token = issue(LinkAction.ACKNOWLEDGE, Channel.EMAIL);
        Instant expiry = SENT.plus(ActionLinks.DEFAULT_LIFETIME);

        assertThat(links.find(token).orElseThrow().state(expiry.minusMillis(1))).isEqualTo(ActionLink.State.USABLE);
        assertThat(links.claim(token, expiry)).hasValueSatisfying(claim -> {
            assertThat(claim.claimed()).isFalse();
            assertThat(claim.link().state(expiry)).isEqualTo(ActionLink.State.EXPIRED);
            assertThat(claim.link().usedAt()).isNull();
        });
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void unknownTamperedAndMalformedTokensFindNothing(TestDatabases.Kind kind) {
        open(kind);
        String token = issue(LinkAction.ACKNOWLEDGE, Channel.EMAIL);
        char last = token.charAt(token.length() - 1);
        String tampered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');

        assertThat(links.find(tampered)).isEmpty();
        assertThat(links.claim(tampered, SENT)).isEmpty();
        assertThat(links.find("tact_" + "x".repeat(43))).isEmpty();
        assertThat(links.find("not-a-token")).isEmpty();
        assertThat(links.find(token.substring(5))).isEmpty();
        assertThat(links.find(null)).isEmpty();
        assertThat(links.find(token).orElseThrow().usedAt()).isNull();
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void ofManySimultaneousClicksExactlyOneSpendsTheLink(TestDatabases.Kind kind) throws Exception {
        open(kind);
        String token = issue(LinkAction.RESOLVE, Channel.PUSH);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> clicks = new ArrayList<>();
            for (int i = 0; i < 16; i++) clicks.add(() -> links.claim(token, SENT.plusSeconds(60)).orElseThrow().claimed());
            long winners = 0;
            for (Future<Boolean> click : pool.invokeAll(clicks)) if (click.get()) winners++;
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void aReleasedLinkCanBeSpentAgain(TestDatabases.Kind kind) {
        open(kind);
        String token = issue(LinkAction.ACKNOWLEDGE, Channel.EMAIL);
        Instant clicked = SENT.plusSeconds(60);
        assertThat(links.claim(token, clicked).orElseThrow().claimed()).isTrue();

        links.release(token, clicked);

        assertThat(links.find(token).orElseThrow().usedAt()).isNull();
        assertThat(links.claim(token, clicked.plusSeconds(1)).orElseThrow().claimed()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void expiredLinksCanBeDeleted(TestDatabases.Kind kind) {
        open(kind);
        String old = issue(LinkAction.ACKNOWLEDGE, Channel.EMAIL);
        String fresh = database.writeAndWait(handle -> links.create(handle, 123, "bob", LinkAction.ESCALATE, Channel.EMAIL,
                SENT.plus(Duration.ofHours(12))));

        int deleted = database.writeAndWait(handle -> links.deleteExpired(handle, SENT.plus(Duration.ofHours(25))));

        assertThat(deleted).isEqualTo(1);
        assertThat(links.find(old)).isEmpty();
        assertThat(links.find(fresh.substring(fresh.lastIndexOf('/') + 1))).isPresent();
    }
}
