package dev.tocsin.schedule;

import java.time.Duration;
import java.time.LocalDate;

/**
 * How turns follow each other in a layer: every {@code every}, at the {@code handoff} local time, from the
 * {@code starts} date (the first handoff on or after it) until {@code ends} (exclusive; null = open ended).
 */
public record Rotation(Duration every, Handoff handoff, LocalDate starts, LocalDate ends) {
}
