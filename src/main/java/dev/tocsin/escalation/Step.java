package dev.tocsin.escalation;

import java.util.List;

/** The result of one escalation function: the new state and the effects to carry out, in order. */
public record Step(EscalationState state, List<EscalationEffect> effects) {
    public Step {
        effects = List.copyOf(effects);
    }

    public static Step unchanged(EscalationState state) {
        return new Step(state, List.of());
    }
}
