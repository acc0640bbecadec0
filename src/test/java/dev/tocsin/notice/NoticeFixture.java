package dev.tocsin.notice;

import dev.tocsin.config.ConfigService;
import dev.tocsin.engine.Backoff;
import dev.tocsin.engine.TimerEngine;
import dev.tocsin.provider.console.ConsoleSender;
import dev.tocsin.provider.smtp.SmtpSender;
import dev.tocsin.store.Database;
import dev.tocsin.testing.SettableClock;
import dev.tocsin.testing.TestDatabases;
import dev.tocsin.testing.TestServer;
import dev.tocsin.trace.Actor;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * A database of one kind with a configuration applied, an outbox and a sender driven by a settable clock —
 * no server and no background thread, so a test decides exactly when the due notice timers fire.
 */
public final class NoticeFixture implements AutoCloseable {
    public final TestDatabases.TestDatabase testDatabase;
    public final Database database;
    public final SettableClock clock;
    public final ConfigService config;
    public final NoticeOutbox outbox = new NoticeOutbox();

    public NoticeFixture(TestDatabases.Kind kind, String yaml, Instant start) {
        this.testDatabase = TestDatabases.create(kind);
        this.clock = new SettableClock(start);
        this.database = Database.open(testDatabase.url(), new SimpleMeterRegistry());
        this.config = new ConfigService(database, clock);
        config.apply(yaml, "test.yaml", TestServer.testEnvironment(yaml), false, true, Actor.system());
    }

    /**
     * Sends due notices the way a server does, through a timer engine with the notice handler, but only when the
     * test calls {@link Delivery#deliverDue()} (no engine thread).
     */
    public Delivery sender(Backoff backoff) {
        NoticeSender sender = new NoticeSender(database, config::current, SmtpSender::new, new ConsoleSender(), backoff,
                new Random(7));
        return new Delivery(new TimerEngine(database, clock, "test-node", List.of(sender)));
    }

    /** A timer engine that sends notices, driven by the test's clock. */
    public final class Delivery {
        private final TimerEngine engine;

        private Delivery(TimerEngine engine) {
            this.engine = engine;
        }

        /** Fires the notice timers due now (a send, a retry or a giving up each); returns how many. */
        public int deliverDue() {
            return engine.runDue(clock.instant());
        }
    }

    public boolean enqueue(Notice notice) {
        return database.writeAndWait(handle -> outbox.enqueue(handle, notice));
    }

    public List<Notice> noticesOf(String userId) {
        return database.jdbi().withHandle(handle -> outbox.forUser(handle, userId, 100));
    }

    public Notice only(String userId) {
        List<Notice> notices = noticesOf(userId);
        if (notices.size() != 1) throw new AssertionError("expected one notice for " + userId + ", got " + notices);
        return notices.get(0);
    }

    @Override
    public void close() {
        try {
            database.close();
        } finally {
            testDatabase.close();
        }
    }
}
