package dev.tocsin.oncall;

import dev.tocsin.config.ConfigService;
import dev.tocsin.config.Organisation;
import dev.tocsin.refusal.Refusal;
import dev.tocsin.schedule.OnCall;
import dev.tocsin.schedule.Override;
import dev.tocsin.schedule.Schedule;
import dev.tocsin.store.Database;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Who is on call, for the rest of Tocsin: a schedule's rules from the applied configuration plus its stored
 * overrides, as an {@link OnCall}. Kept per schedule until the configuration or the overrides change, so
 * paging's "who is on call now" is a lookup, not a database query. Overrides written on another node are
 * noticed by {@link #refresh()}, which the node's refresher runs every second.
 */
public final class OnCallService {
    private record Cached(Schedule schedule, long overridesVersion, OnCall onCall) {
    }

    private final Database database;
    private final ConfigService config;
    private final Clock clock;
    private final StoredOverrides overrides;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final AtomicLong overridesVersion = new AtomicLong();
    private volatile long seenGeneration = -1;

    public OnCallService(Database database, ConfigService config, Clock clock, StoredOverrides overrides) {
        this.database = database;
        this.overrides = overrides;
        this.config = config;
        this.clock = clock;
    }

    /** The schedule with its overrides in force; 404 if no such schedule is configured. */
    public OnCall forSchedule(String scheduleId) {
        Schedule schedule = schedule(scheduleId);
        // Read the version before the overrides: a change committed meanwhile bumps it, so a stale entry is
        // never taken for current.
        long version = overridesVersion.get();
        Cached cached = cache.get(scheduleId);
        if (cached != null && cached.schedule() == schedule && cached.overridesVersion() == version) {
            return cached.onCall();
        }
        List<Override> active = database.jdbi().withHandle(handle -> overrides.active(handle, scheduleId));
        OnCall onCall = new OnCall(schedule, active);
        cache.put(scheduleId, new Cached(schedule, version, onCall));
        return onCall;
    }

    /** The overrides in force for a schedule that overlap [from, to), by start. */
    public List<Override> overrides(String scheduleId, Instant from, Instant to) {
        schedule(scheduleId);
        return database.jdbi().withHandle(handle -> overrides.inForce(handle, scheduleId, from, to));
    }

    /**
     * Drops the cached {@code OnCall}s if overrides were written (on any node) since the last call: one
     * primary-key read. Returns whether it did.
     */
    public synchronized boolean refresh() {
        long generation = database.jdbi().withHandle(handle -> overrides.generation(handle));
        if (generation == seenGeneration) return false;
        seenGeneration = generation;
        overridesChanged();
        return true;
    }

    /** Call after a write that changed overrides has committed. */
    public void overridesChanged() {
        overridesVersion.incrementAndGet();
    }

    /**
     * Targets to people for the escalation core, from the configuration current at each call: who is on call
     * with overrides, and team members; an unknown schedule or team reaches nobody.
     */
    public dev.tocsin.escalation.TargetResolver targetResolver() {
        return new dev.tocsin.escalation.TargetResolver(
                (scheduleId, at) -> organisation().schedule(scheduleId).isPresent() ? forSchedule(scheduleId).at(at) : java.util.Set.of(),
                teamId -> organisation().team(teamId)
                        .map(team -> team.members().stream().map(dev.tocsin.team.Membership::user).toList())
                        .orElse(List.of()));
    }

    public Schedule schedule(String scheduleId) {
        return config.current().schedule(scheduleId)
                .orElseThrow(() -> Refusal.notFound("schedule '" + scheduleId + "'"));
    }

    public Organisation organisation() {
        return config.current();
    }

    public Clock clock() {
        return clock;
    }
}
