package dev.tocsin.handoff;

import dev.tocsin.config.Organisation;
import dev.tocsin.engine.Recurring;
import dev.tocsin.notice.Notice;
import dev.tocsin.notice.NoticeOutbox;
import dev.tocsin.schedule.OnCall;
import dev.tocsin.schedule.Schedule;
import dev.tocsin.store.Database;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Every {@link #DEFAULT_INTERVAL}, writes the handoff reminders, shift start and end notices, weekly digests
 * and gap warnings that fall due into the notice outbox. It runs as a {@link Recurring} timer ({@link #KIND}):
 * one run a minute across all nodes, its plan computed outside the database writer and its notices written in the
 * run's completing transaction, together with their sending timers. What is due is a pure function of the
 * configuration, the schedules' {@link OnCall}s and the time ({@link #plan}); the dedup keys make each notice
 * exactly once across runs, restarts and nodes. Tests call {@link #runOnce()} with a controlled clock.
 */
public final class HandoffJob implements Recurring.Job {
    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(1);
    /** The timer kind of the job's runs; its one pending timer is {@code handoff:tick}. */
    public static final String KIND = "handoff";
    private static final Logger LOG = LoggerFactory.getLogger(HandoffJob.class);

    private final Database database;
    private final Supplier<Organisation> config;
    private final Function<String, OnCall> onCalls;
    private final Clock clock;
    private final Runnable wake;
    private final NoticeOutbox outbox = new NoticeOutbox();

    /**
     * @param onCalls who is on call for a schedule id (rules plus stored overrides)
     * @param wake    called after {@link #runOnce()} wrote new notices (the timer engine's {@code wake()}), so
     *                they are sent without waiting for the engine's next look
     */
    public HandoffJob(Database database, Supplier<Organisation> config, Function<String, OnCall> onCalls, Clock clock,
                      Runnable wake) {
        this.database = database;
        this.config = config;
        this.onCalls = onCalls;
        this.clock = clock;
        this.wake = wake;
    }

    /** The timer handler that runs this job every {@link #DEFAULT_INTERVAL}, once across all nodes. */
    public Recurring recurring() {
        return new Recurring(KIND, DEFAULT_INTERVAL, this);
    }

    /** Everything due around {@code now}, for all schedules and people. */
    public static List<Notice> plan(Organisation organisation, Map<String, OnCall> onCalls, Instant now) {
        Horizon horizon = Horizon.at(now);
        List<Notice> notices = new ArrayList<>();
        for (Schedule schedule : organisation.document().schedules()) {
            OnCall onCall = onCalls.get(schedule.id());
            if (onCall == null) continue;
            notices.addAll(ShiftNotices.plan(organisation, schedule, onCall, horizon));
            notices.addAll(GapWarnings.plan(organisation, schedule, onCall, now, GapWarnings.DEFAULT_DAYS));
        }
        notices.addAll(Digests.plan(organisation, onCalls, horizon));
        return notices;
    }

    /** The notices due around {@code now}: who is on call is read here, outside the writer. */
    @Override
    public List<Notice> prepare(Instant now) {
        Organisation organisation = config.get();
        Map<String, OnCall> schedules = new LinkedHashMap<>();
        for (Schedule schedule : organisation.document().schedules()) {
            try {
                schedules.put(schedule.id(), onCalls.apply(schedule.id()));
            } catch (RuntimeException e) {
                LOG.warn("Skipping notices of schedule {}: {}", schedule.id(), e.toString());
            }
        }
        return plan(organisation, schedules, now);
    }

    @Override
    public void write(Handle handle, Object prepared, Instant now) {
        @SuppressWarnings("unchecked") List<Notice> notices = (List<Notice>) prepared;
        enqueue(handle, notices);
    }

    private int enqueue(Handle handle, List<Notice> notices) {
        int count = 0;
        for (Notice notice : notices) if (outbox.enqueue(handle, notice)) count++;
        if (count > 0) LOG.info("Wrote {} schedule notice(s)", count);
        return count;
    }

    /**
     * One run now, on the caller's thread, outside the timer engine (tests, and a node that wants the notices
     * at once): plans, writes what is new, wakes the engine. Returns how many notices were written.
     */
    public synchronized int runOnce() {
        List<Notice> notices = prepare(clock.instant());
        if (notices.isEmpty()) return 0;
        int written = database.writeAndWait(handle -> enqueue(handle, notices));
        if (written > 0) wake.run();
        return written;
    }
}
