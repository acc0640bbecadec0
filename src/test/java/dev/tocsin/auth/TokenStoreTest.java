package dev.tocsin.auth;

import dev.tocsin.store.Database;
import dev.tocsin.testing.TestDatabases;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

class TokenStoreTest {
    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void aTokenIsShownOnceStoredHashedAndCanBeRevoked(TestDatabases.Kind kind) {
        try (var db = TestDatabases.create(kind); Database database = Database.open(db.url(), new SimpleMeterRegistry())) {
            TokenStore tokens = new TokenStore(database, Clock.systemUTC());
            IssuedToken issued = tokens.create("alice", Role.RESPONDER, "laptop");

            assertThat(issued.secret()).startsWith("tcn_").hasSizeGreaterThan(40);
            assertThat(tokens.verify(issued.secret())).contains(new Principal("alice", Role.RESPONDER, issued.id()));
            assertThat(tokens.verify(issued.secret() + "x")).isEmpty();
            String stored = database.jdbi().withHandle(handle -> handle.createQuery(
                    "SELECT token_hash FROM api_tokens WHERE id = :id").bind("id", issued.id()).mapTo(String.class).one());
            assertThat(stored).isNotEqualTo(issued.secret()).doesNotContain(issued.secret().substring(4));

            assertThat(tokens.revoke(issued.id())).isTrue();
            assertThat(tokens.verify(issued.secret())).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void aRevocationByAnotherNodeEndsTheCachedTokenAtTheNextRefresh(TestDatabases.Kind kind) {
        try (var db = TestDatabases.create(kind); Database database = Database.open(db.url(), new SimpleMeterRegistry())) {
            TokenStore here = new TokenStore(database, Clock.systemUTC());
            TokenStore otherNode = new TokenStore(database, Clock.systemUTC());
            IssuedToken issued = otherNode.create("alice", Role.RESPONDER, "laptop");
            here.refresh();
            assertThat(here.verify(issued.secret())).as("made on the other node, found at once").isPresent();

            assertThat(otherNode.revoke(issued.id())).isTrue();

            assertThat(here.verify(issued.secret())).as("still cached here").isPresent();
            assertThat(here.refresh()).isTrue();
            assertThat(here.verify(issued.secret())).isEmpty();
            assertThat(here.refresh()).as("nothing new").isFalse();
        }
    }
}
