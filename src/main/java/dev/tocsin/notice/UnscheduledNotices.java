package dev.tocsin.notice;

import dev.tocsin.engine.Recurring;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;

/**
 * Every {@link #INTERVAL} (and first when a node starts), gives a sending timer to any unsent notice that has
 * none ({@link NoticeOutbox#scheduleOrphans}): notices written before notices were sent by timers, or by a node
 * of an older version during a rolling upgrade (such a node sends them itself meanwhile, from its own poll loop),
 * or whose timer the engine gave up. A {@link Recurring} timer, so one node looks at a time.
 */
public final class UnscheduledNotices implements Recurring.Job {
    public static final Duration INTERVAL = Duration.ofMinutes(10);
    public static final String KIND = "notice-sweep";
    private static final Logger LOG = LoggerFactory.getLogger(UnscheduledNotices.class);

    private final NoticeOutbox outbox = new NoticeOutbox();

    public Recurring recurring() {
        return new Recurring(KIND, INTERVAL, this);
    }

    @Override
    public Object prepare(Instant now) {
        return null;
    }

    @Override
    public void write(Handle handle, Object prepared, Instant now) {
        int scheduled = outbox.scheduleOrphans(handle, now);
        if (scheduled > 0) LOG.info("Scheduled the sending of {} notice(s) that had no timer", scheduled);
    }
}
