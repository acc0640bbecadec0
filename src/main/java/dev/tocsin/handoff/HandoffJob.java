package dev.tocsin.handoff;

import dev.tocsin.config.Organisation;
import dev.tocsin.notice.Notice;
import dev.tocsin.notice.NoticeOutbox;
import dev.tocsin.schedule.OnCall;
import dev.tocsin.schedule.Schedule;
import dev.tocsin.store.Database;
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
 * and gap warnings that fall due into the notice outbox, then wakes the sender. What is due is a pure function
 * of the configuration, the schedules' {@link OnCall}s and the time ({@link #plan}); the dedup keys make
 * each notice exactly once across runs and restarts. Tests call {@link #runOnce()} with a controlled clock.
 */
public final class HandoffJob implements AutoCloseable {
    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(HandoffJob.class);

    private final Database database;
    private final Supplier<Organisation> config;
    private final Function<String, OnCall> onCalls;
    private final Clock clock;
    private final Runnable wake;
    private final NoticeOutbox outbox = new NoticeOutbox();
    private final dev.tocsin.time.Periodic periodic = new dev.tocsin.time.Periodic("handoff-notices", java.time.Duration.ZERO,
            DEFAULT_INTERVAL, this::runOnce);

    /**
     * @param onCalls who is on call for a schedule id (rules plus stored overrides)
     * @param wake    called after new notices were written, so they are sent without waiting for a poll
     */
    public HandoffJob(Database database, Supplier<Organisation> config, Function<String, OnCall> onCalls, Clock clock,
                      Runnable wake) {
        this.database = database;
        this.config = config;
        this.onCalls = onCalls;
        this.clock = clock;
        this.wake = wake;
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

    /** One run: plans, writes what is new, wakes the sender. Returns how many notices were written. */
    public synchronized int runOnce() {
        Organisation organisation = config.get();
        Map<String, OnCall> schedules = new LinkedHashMap<>();
        for (Schedule schedule : organisation.document().schedules()) {
            try {
                schedules.put(schedule.id(), onCalls.apply(schedule.id()));
            } catch (RuntimeException e) {
                LOG.warn("Skipping notices of schedule {}: {}", schedule.id(), e.toString());
            }
        }
        List<Notice> notices = plan(organisation, schedules, clock.instant());
        if (notices.isEmpty()) return 0;
        int written = database.writeAndWait(handle -> {
            int count = 0;
            for (Notice notice : notices) if (outbox.enqueue(handle, notice)) count++;
            return count;
        });
        if (written > 0) {
            LOG.info("Wrote {} schedule notice(s)", written);
            wake.run();
        }
        return written;
    }

    public void start() {
        periodic.start();
    }

    @Override
    public void close() {
        periodic.close();
    }
}
