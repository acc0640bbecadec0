package dev.tocsin.engine;

/**
 * Lets tests in other packages crash a {@link TimerEngine} the way {@link MultiNodeTimerTest} does: the engine's
 * {@code halt()} and {@code inFlight()} stay package-private, since nothing in production may stop an engine
 * without handing its claims back.
 */
public final class EngineCrashes {
    private EngineCrashes() {
    }

    /** Stops the engine like a crash: nothing more is performed or written, its claims stay until the lease expires. */
    public static void halt(TimerEngine engine) {
        engine.halt();
    }

    /** How many claimed timers the engine is working on right now. */
    public static int inFlight(TimerEngine engine) {
        return engine.inFlight();
    }

    /** How many claimed timers of one kind the engine is working on right now. */
    public static int inFlight(TimerEngine engine, String kind) {
        return engine.inFlight(kind);
    }
}
