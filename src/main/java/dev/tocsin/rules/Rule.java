package dev.tocsin.rules;

/**
 * One event rule: when the condition holds for a trigger, the actions apply. Rules are tried in order (the
 * service's own first, then the top-level ones); the first match ends the search unless it says
 * {@code continue: true}.
 */
public record Rule(String name, Condition when, Then then, boolean continueMatching) {
}
