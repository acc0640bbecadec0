package dev.tocsin.escalation;

/** Where a person escalates an incident by hand: the policy's next level, or a chosen target. */
public sealed interface ManualEscalation {
    record NextLevel() implements ManualEscalation {
    }

    /** A chosen user, schedule or team, e.g. the senior engineers' schedule in another time zone. */
    record ToTarget(Target target) implements ManualEscalation {
    }
}
