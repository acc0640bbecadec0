package dev.tocsin.respond;

import dev.tocsin.incident.Incident;
import dev.tocsin.incident.TimelineEntry;

/**
 * What a responder action did. {@code sentence} says it in one line for anyone ("#42 acknowledged by Alice
 * (SMS)"), the way chat threads and logs show it; {@code detail} is the domain's own words (why nothing changed,
 * whom an escalation now pages), which the API returns as its message; {@code entry} is the timeline entry a
 * note added, else null. A refusal is not an outcome: the action throws a {@link dev.tocsin.refusal.Refusal}.
 */
public record Outcome(Incident incident, boolean changed, String sentence, String detail, TimelineEntry entry) {
}
