package dev.tocsin.paging;

import dev.tocsin.engine.Timer;
import dev.tocsin.engine.TimerHandler;
import org.jdbi.v3.core.Handle;

import java.time.Instant;

/** A level's {@code escalate_after} ran out: climb to the next level (database work, exactly once). */
final class EscalateTimer implements TimerHandler {
    private final Paging paging;

    EscalateTimer(Paging paging) {
        this.paging = paging;
    }

    @Override
    public String kind() {
        return Paging.ESCALATE;
    }

    @Override
    public void fire(Handle handle, Timer timer, Instant now) {
        long incidentId = NotifyTimer.read(timer.payload()).path("incident").asLong();
        paging.escalationDue(handle, incidentId, timer.key(), now);
    }
}
