package dev.tocsin.notify;

import dev.tocsin.urgency.Urgency;
import dev.tocsin.user.ContactMethod;
import dev.tocsin.user.NotificationRule;
import dev.tocsin.user.User;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A person's rules expanded for one incident. */
class NotificationPlanTest {
    private static final Instant T = Instant.parse("2026-12-24T02:00:00Z");

    private static final List<ContactMethod> METHODS = List.of(
            new ContactMethod.Ntfy("alice-push", "alice-7f3k2", null),
            new ContactMethod.Phone("alice-sms", "sms", "+41790000001"),
            new ContactMethod.Phone("alice-voice", "voice", "+41790000001"),
            new ContactMethod.Email("alice-mail", "alice@example.com"));

    /** The seed's rules: push at 1m, SMS at 2m, voice at 2m repeating every 5m. */
    private static final User ALICE = new User("alice", "Alice", "alice@example.com", ZoneOffset.UTC, null, METHODS,
            Map.of(Urgency.HIGH, List.of(
                    new NotificationRule(Duration.ofMinutes(1), "alice-push", null),
                    new NotificationRule(Duration.ofMinutes(2), "alice-sms", null),
                    new NotificationRule(Duration.ofMinutes(2), "alice-voice", Duration.ofMinutes(5)))));

    private static List<String> describe(List<NotificationStep> steps) {
        return steps.stream().map(step -> "+" + Duration.between(T, step.at()).toMinutes() + "m " + step.channel()).toList();
    }

    @Test
    void theSeedsRulesUntilAnAcknowledgementAtTwentyMinutes() {
        NotificationPlan plan = NotificationPlan.forUser(ALICE, Urgency.HIGH, T);
        assertThat(describe(plan.until(T.plus(Duration.ofMinutes(20))))).containsExactly(
                "+1m ntfy alice-push", "+2m sms alice-sms", "+2m voice alice-voice", "+7m voice alice-voice",
                "+12m voice alice-voice", "+17m voice alice-voice");
    }

    @Test
    void aStepDueAtTheMomentThePersonStopsBeingPagedIsNotSent() {
        NotificationPlan plan = NotificationPlan.forUser(ALICE, Urgency.HIGH, T);
        assertThat(describe(plan.until(T.plus(Duration.ofMinutes(7))))).last().isEqualTo("+2m voice alice-voice");
    }

    @Test
    void aRepeatingRuleIsBounded() {
        NotificationPlan plan = NotificationPlan.forUser(ALICE, Urgency.HIGH, T);
        assertThat(plan.all()).filteredOn(step -> step.method().id().equals("alice-voice"))
                .hasSize(NotificationPlan.MAX_SENDS_PER_RULE);
        assertThat(plan.all()).hasSize(NotificationPlan.MAX_SENDS_PER_RULE + 2);
    }

    @Test
    void withoutRulesForTheUrgencyThePersonIsNotifiedAtOnceThroughTheirFirstContactMethod() {
        NotificationPlan plan = NotificationPlan.forUser(ALICE, Urgency.LOW, T);
        assertThat(plan.all()).singleElement().satisfies(step -> {
            assertThat(step.at()).isEqualTo(T);
            assertThat(step.method().id()).isEqualTo("alice-push");
            assertThat(step.rule()).isEqualTo(NotificationPlan.FALLBACK_RULE);
        });
    }

    @Test
    void aPersonWithoutContactMethodsHasAnEmptyPlan() {
        User nobody = new User("zed", "Zed", null, ZoneOffset.UTC, null, List.of(), Map.of());
        assertThat(NotificationPlan.forUser(nobody, Urgency.HIGH, T).isEmpty()).isTrue();
    }

    @Test
    void walkingStepByStepGivesBothStepsDueAtTheSameInstant() {
        NotificationPlan plan = NotificationPlan.forUser(ALICE, Urgency.HIGH, T);
        List<NotificationStep> walked = new ArrayList<>();
        Optional<NotificationStep> step = plan.next(null);
        while (step.isPresent() && walked.size() < 5) {
            walked.add(step.get());
            step = plan.next(step.get());
        }
        assertThat(describe(walked)).containsExactly("+1m ntfy alice-push", "+2m sms alice-sms",
                "+2m voice alice-voice", "+7m voice alice-voice", "+12m voice alice-voice");
    }

    @Property
    void stepsAreInTimeOrderAndNoneIsBeforeThePageOrAtTheStop(@ForAll @IntRange(min = 0, max = 30) int after,
                                                              @ForAll @IntRange(min = 1, max = 20) int every,
                                                              @ForAll @IntRange(min = 0, max = 600) int stopMinutes) {
        User user = new User("u", "U", null, ZoneOffset.UTC, null, METHODS, Map.of(Urgency.HIGH, List.of(
                new NotificationRule(Duration.ofMinutes(after), "alice-sms", Duration.ofMinutes(every)),
                new NotificationRule(Duration.ofMinutes(3), "alice-push", null))));
        Instant stop = T.plus(Duration.ofMinutes(stopMinutes));
        List<NotificationStep> steps = NotificationPlan.forUser(user, Urgency.HIGH, T).until(stop);
        assertThat(steps).allMatch(step -> !step.at().isBefore(T) && step.at().isBefore(stop));
        assertThat(steps).isSortedAccordingTo(java.util.Comparator.comparing(NotificationStep::at));
        long expectedSms = stopMinutes <= after ? 0 : Math.min(NotificationPlan.MAX_SENDS_PER_RULE,
                (stopMinutes - after - 1) / every + 1);
        assertThat(steps).filteredOn(step -> step.method().id().equals("alice-sms")).hasSize((int) expectedSms);
    }
}
