package dev.tocsin.paging;

import dev.tocsin.escalation.EscalationEffect;
import dev.tocsin.escalation.EscalationState;
import dev.tocsin.notify.NotificationPlan;

import java.time.Instant;
import java.util.List;

/**
 * Where the {@link EffectInterpreter} carries the escalation core's effects to. The durable engine stores them
 * ({@link StoredSink}: the incident's tables and timers); {@code simulate} keeps them in memory on a virtual
 * clock. {@code at} is the instant the effects happen.
 */
public interface PagingSink {
    /** Where the incident now stands on its policy (called before the effects of each step). */
    void saveEscalation(EscalationState state, Instant at);

    /** Start the person's notification rules; {@code plan} is never empty. {@code level} and {@code round} are 1-based. */
    void startNotifying(NotificationPlan plan, int level, int round, Instant at);

    /** Stop the person's notifications that have not gone out yet: nothing due from {@code at} on is sent. */
    void stopNotifying(String user, String reason, Instant at);

    /** Call {@link dev.tocsin.escalation.Escalation#onTimer} with {@code key} at {@code due}. */
    void scheduleEscalation(String key, Instant due, Instant at);

    /** Drop the pending escalation timers whose key starts with {@code prefix}. */
    void cancelTimers(String prefix, Instant at);

    /** A round-robin level took a turn; the next incident of the policy takes the one after. */
    void roundRobinAdvanced(EscalationEffect.RoundRobinAdvanced turn, Instant at);

    /** Nobody at all can be paged: the admins are told. */
    void nobodyToPage(String message, Instant at);

    /**
     * A line for the incident's timeline. {@code byActor}: the line records the act of whoever caused the step
     * (escalating by hand), not something that followed from it.
     */
    void timeline(String kind, String message, boolean byActor, Instant at);

    /** Who is paged once every effect is carried out (the incident's assignees), in paging order. */
    void paged(List<String> users, Instant at);
}
