package dev.tocsin.maintenance;

import dev.tocsin.config.Organisation;
import dev.tocsin.engine.Timer;
import dev.tocsin.engine.TimerHandler;
import dev.tocsin.engine.Timers;
import dev.tocsin.refusal.Refusal;
import dev.tocsin.store.Database;
import dev.tocsin.time.Instants;
import dev.tocsin.trace.Actor;
import org.jdbi.v3.core.Handle;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Starting, listing and ending maintenance windows. Each window's end is a durable timer
 * ({@code maintenance/<id>/end}, kind {@value #END}), scheduled in the transaction that creates the window and moved
 * to now when it is ended early, so a restart or another node never forgets to release what it held and releases
 * it once. The release itself (paging what is still firing) is the paging engine's, behind {@link Release}.
 */
public final class MaintenanceWindows {
    /** Timer kind of a window's end. */
    public static final String END = "maintenance-end";
    /** A window longer than this is refused: a forgotten one would silence a service for good. */
    public static final Duration MAX_LENGTH = Duration.ofDays(31);
    /** The longest reason, in characters. */
    public static final int MAX_REASON = 1_000;

    /** What holding and releasing incidents means; the paging engine implements it. */
    public interface Release {
        /** The window is over: page the incidents it held that are still firing. Inside the timer's transaction. */
        void windowEnded(Handle handle, MaintenanceWindow window, Instant now);
    }

    /**
     * Told after a window was created or ended (early, or at its end), after the commit. The hook for announcing
     * maintenance in chat (the ChatOps issue); {@link #NONE} until then.
     */
    public interface Announcer {
        Announcer NONE = new Announcer() {
        };

        default void created(MaintenanceWindow window) {
        }

        default void ended(MaintenanceWindow window) {
        }
    }

    /** What to silence, from when to when. Exactly one of {@code serviceId} and {@code teamId}. */
    public record Request(String serviceId, String teamId, Instant from, Instant to, String reason) {
    }

    private final Database database;
    private final Supplier<Organisation> organisation;
    private final MaintenanceStore store = new MaintenanceStore();
    private final Runnable wake;
    private volatile Announcer announcer = Announcer.NONE;

    public MaintenanceWindows(Database database, Supplier<Organisation> organisation, Runnable wake) {
        this.database = database;
        this.organisation = organisation;
        this.wake = wake;
    }

    /** Where the chat announcement will plug in. */
    public void announceWith(Announcer announcer) {
        this.announcer = announcer;
    }

    public MaintenanceStore store() {
        return store;
    }

    /** Starts (or schedules) a window; refused (400) naming every problem, with nothing written. */
    public MaintenanceWindow create(Request request, Actor by, Instant now) {
        List<String> problems = new ArrayList<>();
        Organisation current = organisation.get();
        boolean service = request.serviceId() != null && !request.serviceId().isBlank();
        boolean team = request.teamId() != null && !request.teamId().isBlank();
        if (service == team) problems.add("name either a service or a team (exactly one)");
        if (service && current.service(request.serviceId()).isEmpty()) {
            problems.add("service: '" + request.serviceId() + "' is not a configured service");
        }
        if (team && current.team(request.teamId()).isEmpty()) {
            problems.add("team: '" + request.teamId() + "' is not a configured team");
        }
        Instant from = request.from() == null ? now : request.from();
        Instant to = request.to();
        if (to == null) {
            problems.add("to: say when the window ends (to, or for: a duration)");
        } else {
            if (!Instants.inRange(from)) problems.add("from: " + Instants.rangeProblem());
            if (!Instants.inRange(to)) problems.add("to: " + Instants.rangeProblem());
            if (!to.isAfter(from)) problems.add("to: " + to + " is not after from (" + from + "): the window would end before it starts");
            else if (!to.isAfter(now)) problems.add("to: " + to + " is in the past");
            else if (Duration.between(from, to).compareTo(MAX_LENGTH) > 0) {
                problems.add("the window is longer than " + MAX_LENGTH.toDays() + " days; silence a service for good by removing its integrations instead");
            }
        }
        String reason = request.reason() == null || request.reason().isBlank() ? null : request.reason().strip();
        if (reason != null && reason.length() > MAX_REASON) problems.add("reason: at most " + MAX_REASON + " characters");
        if (!problems.isEmpty()) throw Refusal.invalid("cannot start the maintenance window", problems);
        Instant start = from.isBefore(now) ? now : from;
        MaintenanceWindow window = database.writeAndWait(handle -> {
            long id = store.insert(handle, service ? request.serviceId() : null, team ? request.teamId() : null, start, to,
                    reason, by.toString(), now);
            Timers.schedule(handle, END, key(id), dev.tocsin.json.Json.write(java.util.Map.of("window", id)), to, now);
            handle.afterCommit(wake);
            return store.find(handle, id).orElseThrow();
        });
        announcer.created(window);
        return window;
    }

    /** Current and upcoming windows. */
    public List<MaintenanceWindow> list(Instant now) {
        return database.jdbi().withHandle(handle -> store.notOver(handle, now));
    }

    public Optional<MaintenanceWindow> find(long id) {
        return database.jdbi().withHandle(handle -> store.find(handle, id));
    }

    /**
     * Ends a window now (an upcoming one is cancelled): its end timer is moved to now, so what it held is released
     * by the engine at once, exactly as at its planned end. A window already over is a conflict (409).
     */
    public MaintenanceWindow end(long id, Actor by, Instant now) {
        MaintenanceWindow ended = database.writeAndWait(handle -> {
            MaintenanceWindow window = store.find(handle, id).orElseThrow(() -> Refusal.notFound("maintenance window " + id));
            if (!window.end().isAfter(now)) {
                throw Refusal.conflict("maintenance window " + id + " already ended at " + window.end());
            }
            store.end(handle, id, by.toString(), now);
            Timers.cancel(handle, key(id), now);
            Timers.schedule(handle, END, key(id), dev.tocsin.json.Json.write(java.util.Map.of("window", id)), now, now);
            handle.afterCommit(wake);
            return store.find(handle, id).orElseThrow();
        });
        return ended;
    }

    static String key(long windowId) {
        return "maintenance/" + windowId + "/end";
    }

    /** The handler of {@value #END} timers: tells {@link Release} the window is over. Database only, exactly once. */
    public TimerHandler endTimer(Release release) {
        return new TimerHandler() {
            @Override
            public String kind() {
                return END;
            }

            @Override
            public void fire(Handle handle, Timer timer, Instant now) {
                long id = dev.tocsin.json.Json.tree(timer.payload()).path("window").asLong();
                Optional<MaintenanceWindow> window = store.find(handle, id);
                if (window.isEmpty()) return;
                release.windowEnded(handle, window.get(), now);
                handle.afterCommit(() -> announcer.ended(window.get()));
            }
        };
    }
}
