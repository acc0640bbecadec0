package dev.tocsin.paging;

import dev.tocsin.delivery.DeliverTimer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tocsin.engine.Timer;
import dev.tocsin.engine.TimerHandler;
import dev.tocsin.engine.Timers;
import dev.tocsin.escalation.EscalationState;
import dev.tocsin.escalation.Page;
import dev.tocsin.json.Json;
import dev.tocsin.incident.Incident;
import dev.tocsin.incident.IncidentStatus;
import dev.tocsin.notify.NotificationPlan;
import dev.tocsin.notify.NotificationStep;
import dev.tocsin.user.User;
import org.jdbi.v3.core.Handle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The next step of a paged person's own rules came due: create its notification (which {@link DeliverTimer}
 * sends) and schedule the step after it. Database work only, so it happens exactly once. A step for a person
 * no longer paged (acknowledged, escalated past them) finds nothing to do; such timers are normally cancelled
 * in the same transaction that stops the paging anyway.
 */
final class NotifyTimer implements TimerHandler {
    private final Paging paging;

    NotifyTimer(Paging paging) {
        this.paging = paging;
    }

    @Override
    public String kind() {
        return Paging.NOTIFY;
    }

    static String prefix(long incidentId, String userId) {
        return "notify/" + incidentId + "/" + userId + "/";
    }

    /**
     * Creates the notifications of {@code step} and of every later step already due (two rules at the same
     * minute are two notifications; a repeat missed while no node was running is sent once, not once per
     * missed repeat), then schedules the first step still to come.
     */
    static void scheduleStep(Handle handle, Paging paging, long incidentId, NotificationPlan plan, NotificationStep step,
                             Instant now) {
        NotificationStep current = step;
        Set<Integer> rulesSent = new HashSet<>();
        while (current != null && Paging.dueNow(current, now)) {
            if (rulesSent.add(current.rule())) {
                DeliverTimer.create(handle, paging.notifications(), incidentId, current.user(), current.method(),
                        purpose(current), now);
            }
            current = plan.next(current).orElse(null);
        }
        if (current == null) return;
        String key = prefix(incidentId, current.user()) + current.rule() + "/" + current.send();
        String payload = Json.write(java.util.Map.of("incident", incidentId, "user", current.user(),
                "paged_at", plan.pagedAt().toEpochMilli(), "rule", current.rule(), "send", current.send()));
        Timers.schedule(handle, Paging.NOTIFY, key, payload, current.at(), now);
    }

    private static String purpose(NotificationStep step) {
        String rule = step.rule() == NotificationPlan.FALLBACK_RULE ? "no rule for this urgency: first contact method"
                : "rule " + (step.rule() + 1);
        return step.send() == 0 ? rule : rule + ", repeat " + step.send();
    }

    @Override
    public void fire(Handle handle, Timer timer, Instant now) {
        JsonNode payload = read(timer.payload());
        long incidentId = payload.path("incident").asLong();
        String userId = payload.path("user").asText();
        Instant pagedAt = Instant.ofEpochMilli(payload.path("paged_at").asLong());
        Optional<Incident> incident = paging.incidents().findIncident(handle, incidentId);
        if (incident.isEmpty() || incident.get().status() != IncidentStatus.TRIGGERED) return;
        Optional<EscalationState> state = paging.store().escalation(handle, incidentId);
        if (escalatesFirst(state, timer.dueAt())) {
            // The tie rule (docs/paging.md): the escalation due at or before this step goes first, whatever order
            // the timer engine picks among timers due at one instant, so the step of a person it stops paging is
            // not sent and one still paged after it (the policy exhausted) is sent now, as simulate shows it. The
            // escalation's own timer then finds itself stale (or cancelled). Should another node be firing that
            // timer at this very moment, one of the two transactions fails on the other's lock and its timer is
            // retried, finding the incident moved on.
            paging.escalationDue(handle, incidentId, state.get().timerKey(), now);
            state = paging.store().escalation(handle, incidentId);
        }
        if (!stillPaged(state, userId, pagedAt)) return;
        Optional<User> user = paging.organisation().user(userId);
        if (user.isEmpty()) return;
        NotificationPlan plan = NotificationPlan.forUser(user.get(), incident.get().urgency(), pagedAt);
        int rule = payload.path("rule").asInt();
        int send = payload.path("send").asInt();
        // The person's rules may have changed since the step was scheduled: take the same step if it still
        // exists, else the first step due from this timer's time on.
        Optional<NotificationStep> step = plan.all().stream().filter(s -> s.rule() == rule && s.send() == send).findFirst()
                .or(() -> plan.all().stream().filter(s -> !s.at().isBefore(timer.dueAt())).findFirst());
        step.ifPresent(due -> scheduleStep(handle, paging, incidentId, plan, due, now));
        handle.afterCommit(paging.wake());
    }

    /** The incident's escalation is due at or before {@code stepDue} and has not happened yet. */
    private static boolean escalatesFirst(Optional<EscalationState> state, Instant stepDue) {
        return state.isPresent() && state.get().status() == EscalationState.Status.ACTIVE
                && state.get().escalatesAt() != null && !state.get().escalatesAt().isAfter(stepDue);
    }

    private static boolean stillPaged(Optional<EscalationState> state, String userId, Instant pagedAt) {
        if (state.isEmpty()) return false;
        EscalationState.Status status = state.get().status();
        if (status != EscalationState.Status.ACTIVE && status != EscalationState.Status.EXHAUSTED) return false;
        for (Page page : state.get().paged()) {
            if (page.user().equals(userId) && page.pagedAt().toEpochMilli() == pagedAt.toEpochMilli()) return true;
        }
        return false;
    }

    static JsonNode read(String payload) {
        try {
            return Json.mapper().readTree(payload);
        } catch (IOException e) {
            throw new UncheckedIOException("timer payload is not JSON: " + e.getMessage(), e);
        }
    }
}
