package dev.tocsin.paging;

import dev.tocsin.escalation.Escalation;
import dev.tocsin.escalation.EscalationEffect;
import dev.tocsin.escalation.Page;
import dev.tocsin.escalation.Step;
import dev.tocsin.escalation.TargetResolver;
import dev.tocsin.urgency.Urgency;
import dev.tocsin.notify.NotificationPlan;
import dev.tocsin.user.User;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.function.Function;

/**
 * Carries out the effects of one {@link Escalation} step through a {@link PagingSink}: the single interpreter
 * behind the durable engine and {@code simulate}, so both page the same people the same way. It turns a page
 * into the person's own {@link NotificationPlan}, notes who cannot be notified (not a configured user, no
 * contact method) and escalates past them at once through {@link Escalation#onUnreachable}, until the step
 * settles. Pure apart from the sink.
 */
public final class EffectInterpreter {
    /** Timeline kind of a person paged who cannot be notified at all. */
    public static final String CANNOT_NOTIFY = "cannot_notify";

    private final Function<String, Optional<User>> users;
    private final TargetResolver resolver;

    public EffectInterpreter(Function<String, Optional<User>> users, TargetResolver resolver) {
        this.users = users;
        this.resolver = resolver;
    }

    /**
     * Carries out {@code step} for an incident of {@code urgency} at {@code at}, and every step that follows from
     * people who cannot be notified; returns the last step (its state is where the incident stands).
     */
    public Step carryOut(Step step, Urgency urgency, Instant at, PagingSink sink) {
        Deque<String> unreachable = new ArrayDeque<>();
        Step current = step;
        boolean first = true;
        while (true) {
            sink.saveEscalation(current.state(), at);
            for (EscalationEffect effect : current.effects()) {
                apply(current, effect, urgency, at, sink, unreachable, first);
            }
            if (unreachable.isEmpty()) break;
            current = Escalation.onUnreachable(current.state(), unreachable.poll(), at, resolver);
            first = false;
        }
        sink.paged(current.state().paged().stream().map(Page::user).toList(), at);
        return current;
    }

    private void apply(Step step, EscalationEffect effect, Urgency urgency, Instant at, PagingSink sink,
                       Deque<String> unreachable, boolean first) {
        if (effect instanceof EscalationEffect.PageUser page) {
            page(page, step.state().round() + 1, urgency, at, sink, unreachable);
        } else if (effect instanceof EscalationEffect.StopPaging stop) {
            sink.stopNotifying(stop.user(), stop.reason(), at);
        } else if (effect instanceof EscalationEffect.ScheduleTimer timer) {
            sink.scheduleEscalation(timer.key(), timer.at(), at);
        } else if (effect instanceof EscalationEffect.CancelTimers cancel) {
            sink.cancelTimers(cancel.prefix(), at);
        } else if (effect instanceof EscalationEffect.RoundRobinAdvanced turn) {
            sink.roundRobinAdvanced(turn, at);
        } else if (effect instanceof EscalationEffect.NobodyToPage nobody) {
            sink.nobodyToPage(nobody.message(), at);
        } else if (effect instanceof EscalationEffect.Timeline line) {
            // The person's own act is theirs; what follows from it (paged, escalated …) is the system's doing.
            boolean byActor = first && (line.kind().equals("escalated_manually") || line.kind().equals("escalation_refused"));
            sink.timeline(line.kind(), line.message(), byActor, at);
        }
    }

    /** Starts a person's own rules from now; someone nobody can reach is queued as unreachable. */
    private void page(EscalationEffect.PageUser page, int round, Urgency urgency, Instant at, PagingSink sink,
                      Deque<String> unreachable) {
        Optional<User> user = users.apply(page.user());
        if (user.isEmpty()) {
            sink.timeline(CANNOT_NOTIFY, page.user() + " is not a configured user and cannot be notified", false, at);
            unreachable.add(page.user());
            return;
        }
        NotificationPlan plan = NotificationPlan.forUser(user.get(), urgency, at);
        if (plan.isEmpty()) {
            sink.timeline(CANNOT_NOTIFY, page.user() + (user.get().contactMethods().isEmpty()
                    ? " has no contact method and cannot be notified"
                    : " has only voice contact methods and low urgency never rings a phone: cannot be notified"), false, at);
            unreachable.add(page.user());
            return;
        }
        sink.startNotifying(plan, page.level(), round, at);
    }
}
