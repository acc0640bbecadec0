package dev.tocsin.override;

import dev.tocsin.auth.Role;
import dev.tocsin.notice.Notice;
import dev.tocsin.notice.NoticeOutbox;
import dev.tocsin.testing.SettableClock;
import dev.tocsin.testing.TestDatabases;
import dev.tocsin.testing.TestHttp;
import dev.tocsin.testing.TestServer;

import java.time.Instant;
import java.util.List;

/**
 * A server with the example organisation (alice and bob alternate weekly on platform-primary, Mon 09:00
 * Europe/Zurich from 2026-11-02; carol is in the team but in no schedule) and a clock the test moves.
 * Week of Mon 22 Mar 2027: alice; week of Mon 29 Mar 2027 (after the DST change of 28 Mar): bob.
 */
final class OnCallFixture implements AutoCloseable {
    final SettableClock clock;
    final TestServer server;

    OnCallFixture(TestDatabases.Kind kind, Instant now) {
        this(kind, now, TestServer.resource("config/example.yaml"));
    }

    OnCallFixture(TestDatabases.Kind kind, Instant now, String yaml) {
        this.clock = new SettableClock(now);
        this.server = TestServer.start(kind, yaml, clock);
    }

    TestHttp as(String user, Role role) {
        return server.as(user, role);
    }

    String token(String user, Role role) {
        return server.tocsin().tokens().create(user, role, "test").secret();
    }

    /** What a user was told, newest first. */
    List<Notice> notices(String user) {
        return server.tocsin().database().jdbi().withHandle(handle -> new NoticeOutbox().forUser(handle, user, 100));
    }

    List<String> kinds(String user) {
        return notices(user).stream().map(Notice::kind).toList();
    }

    Notice last(String user, String kind) {
        return notices(user).stream().filter(notice -> notice.kind().equals(kind)).findFirst()
                .orElseThrow(() -> new AssertionError(user + " got no " + kind + " notice; got " + kinds(user)));
    }

    @Override
    public void close() {
        server.close();
    }
}
