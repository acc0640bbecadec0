package dev.tocsin.escalation;

/** Where a person escalates an incident by hand: the policy's next level, a chosen target, or more responders. */
public sealed interface ManualEscalation {
    record NextLevel() implements ManualEscalation {
    }

    /** A chosen user, schedule or team, e.g. the senior engineers' schedule in another time zone. */
    record ToTarget(Target target) implements ManualEscalation {
    }

    /**
     * Pages the people a target reaches in addition to those already paged ("add responder"): nobody stops being
     * paged and the escalation stays at its level.
     */
    record AddResponders(Target target) implements ManualEscalation {
    }

    /** What a manual escalation did: whether anyone new is paged, in a sentence to show or say back. */
    record Result(boolean changed, String sentence) {
    }
}
