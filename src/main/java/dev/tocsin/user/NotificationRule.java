package dev.tocsin.user;

import java.time.Duration;

/**
 * One step of a person's own paging plan: "{@code after} this long, reach me via this contact method",
 * optionally repeated until someone acknowledges.
 *
 * @param after       delay from the moment the person is paged
 * @param via         id of one of the user's contact methods
 * @param repeatEvery repeat interval, or null to notify once
 */
public record NotificationRule(Duration after, String via, Duration repeatEvery) {
}
