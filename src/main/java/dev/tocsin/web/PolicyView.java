package dev.tocsin.web;

import dev.tocsin.escalation.EscalationLevel;
import dev.tocsin.escalation.EscalationPolicy;
import dev.tocsin.simulate.SimulatedStep;
import dev.tocsin.simulate.Simulation;
import dev.tocsin.time.Durations;
import dev.tocsin.urgency.Urgency;

import java.time.Instant;
import java.util.List;

/** One policy's levels and the simulated paging of an alert arriving now (the first steps). */
public record PolicyView(EscalationPolicy policy, Simulation.Result preview, Urgency urgency, Instant now,
                         Names names) {
    public static final int SHOWN_STEPS = 40;

    public String title() {
        return policy.name() == null || policy.name().isBlank() ? policy.id() : policy.name();
    }

    public List<SimulatedStep> steps() {
        return preview.steps().stream().limit(SHOWN_STEPS).toList();
    }

    public int hiddenSteps() {
        return Math.max(0, preview.steps().size() - SHOWN_STEPS);
    }

    public String targets(EscalationLevel level) {
        return String.join(", ", level.targets().stream().map(Object::toString).toList());
    }

    public String after(EscalationLevel level) {
        return level.escalateAfter() == null ? "does not escalate further" : "escalates after " + Durations.format(level.escalateAfter());
    }

    public static String offset(SimulatedStep step) {
        return "+" + Durations.format(step.offset());
    }
}
