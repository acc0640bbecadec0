package dev.tocsin.respond;

import dev.tocsin.trace.Channel;

import java.time.Instant;

/** One responder action's common part: on which incident, by whom, through which channel, at what time. */
public record Act(long incidentId, Responder by, Channel channel, Instant at) {
}
