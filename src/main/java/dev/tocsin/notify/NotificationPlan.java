package dev.tocsin.notify;

import dev.tocsin.urgency.Urgency;
import dev.tocsin.user.ContactMethod;
import dev.tocsin.user.NotificationRule;
import dev.tocsin.user.User;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A person's own rules for one incident, expanded from the moment they were paged into the notifications
 * they call for, in time order: {@code {after: 2m, via: alice-voice, repeat_every: 5m}} gives +2m, +7m, +12m, ….
 * Pure: the caller says until when (the acknowledgement, the moment the person is no longer paged, or a
 * horizon) through {@link #until}, or walks it step by step through {@link #next}.
 *
 * <p>A repeating rule notifies at most {@link #MAX_SENDS_PER_RULE} times per paging, so a forgotten incident
 * cannot ring a phone forever (at the seed's five minutes that is over eight hours). A person with no rule for
 * the urgency is notified once, at once, through their first contact method ({@link #FALLBACK_RULE}): being
 * paged never means silence. Low urgency never rings a phone: voice methods are skipped for it
 * ({@link ContactMethod#allowedFor}), so a person reachable only by voice cannot be notified of a low-urgency page. Rules naming a contact method the person does not have are skipped (the
 * configuration check rejects them anyway).
 */
public final class NotificationPlan {
    /** Bound on the notifications one repeating rule sends for one paging. */
    public static final int MAX_SENDS_PER_RULE = 100;
    /** Rule index of the fallback step for a person without rules for the urgency. */
    public static final int FALLBACK_RULE = -1;

    private record Expanded(int index, Duration after, ContactMethod method, Duration repeatEvery) {
    }

    private final String user;
    private final Instant pagedAt;
    private final List<Expanded> rules;

    private NotificationPlan(String user, Instant pagedAt, List<Expanded> rules) {
        this.user = user;
        this.pagedAt = pagedAt;
        this.rules = List.copyOf(rules);
    }

    /** The plan for a person paged at {@code pagedAt} for an incident of this urgency. */
    public static NotificationPlan forUser(User user, Urgency urgency, Instant pagedAt) {
        List<Expanded> rules = new ArrayList<>();
        List<NotificationRule> configured = user.rules(urgency);
        for (int index = 0; index < configured.size(); index++) {
            NotificationRule rule = configured.get(index);
            Optional<ContactMethod> method = user.contactMethod(rule.via()).filter(m -> m.allowedFor(urgency));
            if (method.isEmpty()) continue;
            Duration repeat = rule.repeatEvery() == null || rule.repeatEvery().isZero() ? null : rule.repeatEvery();
            rules.add(new Expanded(index, rule.after() == null ? Duration.ZERO : rule.after(), method.get(), repeat));
        }
        if (rules.isEmpty()) {
            user.contactMethods().stream().filter(method -> method.allowedFor(urgency)).findFirst()
                    .ifPresent(method -> rules.add(new Expanded(FALLBACK_RULE, Duration.ZERO, method, null)));
        }
        return new NotificationPlan(user.id(), pagedAt, rules);
    }

    /** True when the person has no contact method at all: nothing can reach them. */
    public boolean isEmpty() {
        return rules.isEmpty();
    }

    public String user() {
        return user;
    }

    public Instant pagedAt() {
        return pagedAt;
    }

    /** Every step before {@code stop} (exclusive: an acknowledgement at the same instant wins), in time order. */
    public List<NotificationStep> until(Instant stop) {
        List<NotificationStep> steps = new ArrayList<>();
        for (Expanded rule : rules) {
            for (int send = 0; send < (rule.repeatEvery() == null ? 1 : MAX_SENDS_PER_RULE); send++) {
                Instant at = at(rule, send);
                if (!at.isBefore(stop)) break;
                steps.add(new NotificationStep(user, at, rule.method(), rule.index(), send));
            }
        }
        steps.sort(Comparator.comparing(NotificationStep::at).thenComparingInt(NotificationStep::rule));
        return steps;
    }

    /** Every step the plan can call for (bounded by {@link #MAX_SENDS_PER_RULE}), in time order. */
    public List<NotificationStep> all() {
        return until(Instant.MAX);
    }

    /**
     * The step after {@code previous} in the plan's order (time, then rule), or the first step when
     * {@code previous} is null; empty when the plan has no more. Two rules due at the same instant are two steps.
     */
    public Optional<NotificationStep> next(NotificationStep previous) {
        Comparator<NotificationStep> order = Comparator.comparing(NotificationStep::at).thenComparingInt(NotificationStep::rule);
        return all().stream().filter(step -> previous == null || order.compare(step, previous) > 0).findFirst();
    }

    private Instant at(Expanded rule, int send) {
        Instant first = pagedAt.plus(rule.after());
        return rule.repeatEvery() == null ? first : first.plus(rule.repeatEvery().multipliedBy(send));
    }
}
