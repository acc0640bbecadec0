package dev.tocsin.delivery;

import dev.tocsin.json.Json;
import dev.tocsin.config.Organisation;
import dev.tocsin.engine.Backoff;
import dev.tocsin.engine.Timer;
import dev.tocsin.engine.TimerHandler;
import dev.tocsin.engine.Timers;
import dev.tocsin.incident.Incident;
import dev.tocsin.incident.IncidentStatus;
import dev.tocsin.provider.Message;
import dev.tocsin.provider.SendResult;
import dev.tocsin.store.Database;
import dev.tocsin.trace.Channel;
import dev.tocsin.user.ContactMethod;
import dev.tocsin.user.User;
import org.jdbi.v3.core.Handle;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Sends one notification when its timer comes due, holding the timer's lease meanwhile (another node sends it
 * if this one dies first). Before the provider call the notification is claimed ({@code sending}) together with
 * whatever else waits for the same contact method (bundling); after it, in the timer's completing transaction:
 * sent; or a transient failure retried with backoff and jitter; or a permanent one (or retries used up) written on
 * the timeline and followed at once by the person's next contact method, and when none is left, by early
 * escalation ({@link Paging#unreachable}).
 */
public final class DeliverTimer implements TimerHandler.WithOutsideWork {
    /** Tries of one notification on transient failures before it counts as failed and the next method is tried. */
    public static final int MAX_TRIES = 3;
    /**
     * The retry delay: 10 s doubling per try, with ±25% jitter so retries of many pages do not arrive together
     * (7.5 to 12.5 s, then 15 to 25 s: the shared backoff from 12.5 s with up to 40% taken off).
     */
    static final Backoff RETRY = new Backoff(Duration.ofMillis(12_500), Duration.ofMillis(12_500L << 10), MAX_TRIES, 0.4);

    /** What the outside work found or did, for the completing transaction. */
    sealed interface Outcome {
        /** Nothing to send any more (acknowledged, resolved): the notification is cancelled. */
        record Skipped(String why) implements Outcome {
        }

        /** Another timer's message carries this notification: leave it alone. */
        record CarriedElsewhere() implements Outcome {
        }

        /** The contact method is throttled: try again (and bundle) at {@code until}. */
        record Deferred(Instant until, Duration throttle) implements Outcome {
        }

        /** Could not even be attempted (the contact method is gone). */
        record Impossible(String why) implements Outcome {
        }

        /** The provider was called; {@code carried} are bundled notifications of other incidents. */
        record Attempted(String provider, SendResult result, List<Long> carried, String subject, String body)
                implements Outcome {
        }
    }

    private final Delivery delivery;
    private final Database database;
    private final Senders senders;
    private final PageActions actions;
    private final RandomGenerator random;
    private final io.micrometer.core.instrument.MeterRegistry metrics;

    public DeliverTimer(Delivery delivery, Database database, Senders senders, PageActions actions, RandomGenerator random,
                 io.micrometer.core.instrument.MeterRegistry metrics) {
        this.delivery = delivery;
        this.database = database;
        this.senders = senders;
        this.actions = actions;
        this.random = random;
        this.metrics = metrics;
    }

    /** {@code tocsin.notifications{type, outcome}}: sent, retried, failed. */
    private void count(String type, String outcome) {
        metrics.counter("tocsin.notifications", "type", type, "outcome", outcome).increment();
    }

    @Override
    public String kind() {
        return Delivery.DELIVER;
    }

    public static String prefix(Long incidentId, String userId) {
        return "deliver/" + (incidentId == null ? "direct" : incidentId) + "/" + userId + "/";
    }

    /** Persists a notification and a timer that sends it now. */
    public static long create(Handle handle, NotificationStore store, Long incidentId, String userId, ContactMethod method,
                       String purpose, String subject, String body, Instant now) {
        long id = store.insertNotification(handle, incidentId, userId, method.id(), method.type(), purpose, subject, body,
                now, now);
        schedule(handle, incidentId, userId, id, "0", now, now);
        return id;
    }

    public static long create(Handle handle, NotificationStore store, long incidentId, String userId, ContactMethod method,
                       String purpose, Instant now) {
        return create(handle, store, incidentId, userId, method, purpose, null, null, now);
    }

    private static void schedule(Handle handle, Long incidentId, String userId, long notificationId, String attempt,
                                 Instant at, Instant now) {
        Timers.schedule(handle, Delivery.DELIVER, prefix(incidentId, userId) + notificationId + "/" + attempt,
                "{\"notification\":" + notificationId + "}", at, now);
    }

    /**
     * One lane per person: one person's notifications are never sent at the same moment (a bundle is claimed
     * before the next one of theirs is looked at); different people are paged in parallel.
     */
    @Override
    public Object lane(Timer timer) {
        String[] parts = timer.key().split("/", 4);
        return parts.length == 4 ? parts[2] : timer.key();
    }

    @Override
    public void fire(Handle handle, Timer timer, Instant now) {
        throw new IllegalStateException("a delivery completes with the outcome of its provider call");
    }

    @Override
    public Object perform(Timer timer, Instant now) {
        long id = Json.tree(timer.payload()).path("notification").asLong();
        Optional<Notification> found = database.jdbi().withHandle(handle -> delivery.store().notification(handle, id));
        if (found.isEmpty()) return new Outcome.Skipped("notification " + id + " does not exist");
        Notification notification = found.get();
        Incident incident = null;
        if (notification.incidentId() != null) {
            incident = database.jdbi().withHandle(handle -> delivery.incidents().findIncident(handle, notification.incidentId()))
                    .orElse(null);
            if (incident == null) return new Outcome.Skipped("incident " + notification.incidentId() + " does not exist");
            if (incident.status() != IncidentStatus.TRIGGERED) {
                return new Outcome.Skipped(incident.number() + " is " + incident.status().wireName() + " already");
            }
        }
        Organisation organisation = delivery.organisation();
        Optional<ContactMethod> method = organisation.user(notification.userId())
                .flatMap(user -> user.contactMethod(notification.contactMethodId()));
        if (method.isEmpty()) {
            return new Outcome.Impossible("contact method " + notification.contactMethodId() + " of "
                    + notification.userId() + " is no longer configured");
        }
        Duration throttle = Throttles.of(method.get().type());
        if (!throttle.isZero() && notification.status() == Notification.Status.PENDING) {
            Optional<Instant> last = database.jdbi().withHandle(handle ->
                    delivery.store().lastSent(handle, notification.userId(), notification.contactMethodId()));
            if (last.isPresent() && last.get().plus(throttle).isAfter(now)) {
                return new Outcome.Deferred(last.get().plus(throttle), throttle);
            }
        }
        Incident lead = incident;
        Claimed claimed = database.writeAndWait(handle -> claim(handle, notification, lead, timer.key(), now));
        if (claimed == null) return new Outcome.CarriedElsewhere();
        Message message;
        if (lead == null) {
            message = new Message(notification.subject(), notification.body(), null);
        } else {
            String runbook = claimed.incidents().size() != 1 ? null : database.jdbi().withHandle(handle ->
                    dev.tocsin.incident.AlertTriageStore.columns(handle, lead.id()).runbook());
            message = PageMessages.page(claimed.incidents(), service -> organisation.serviceName(service).orElse(service),
                    method.get(), now, claimed.actions(), runbook);
        }
        Senders.Sending sending = senders.send(organisation, notification.userId(), method.get(), message,
                lead == null ? null : lead.id(), "notification-" + id);
        return new Outcome.Attempted(sending.provider(), sending.result(), claimed.carried(), message.subject(), message.text());
    }

    private record Claimed(List<Incident> incidents, List<Long> carried, List<Message.Action> actions) {
    }

    /** Claims the notification and everything else waiting for the same contact method; null if it is carried elsewhere. */
    private Claimed claim(Handle handle, Notification notification, Incident lead, String key, Instant now) {
        if (!delivery.store().claimForSending(handle, notification.id(), key, now)) return null;
        if (lead == null) return new Claimed(List.of(), List.of(), List.of());
        List<Incident> incidents = new ArrayList<>(List.of(lead));
        List<Long> carried = new ArrayList<>();
        for (Notification waiting : delivery.store().waitingFor(handle, notification.userId(), notification.contactMethodId(),
                notification.id(), key, now)) {
            Optional<Incident> other = delivery.incidents().findIncident(handle, waiting.incidentId());
            if (other.isEmpty() || other.get().status() != IncidentStatus.TRIGGERED) continue;
            if (incidents.stream().anyMatch(incident -> incident.id() == other.get().id())) {
                // A second notification about the same incident (two rules at once): one message says it.
                if (delivery.store().claimForSending(handle, waiting.id(), key, now)) carried.add(waiting.id());
                continue;
            }
            if (delivery.store().claimForSending(handle, waiting.id(), key, now)) {
                incidents.add(other.get());
                carried.add(waiting.id());
            }
        }
        Channel channel = channelOf(notification.methodType());
        return new Claimed(incidents, carried, actions.actions(handle, lead.id(), notification.userId(), channel, now));
    }

    @Override
    public void complete(Handle handle, Timer timer, Instant now, Object result) {
        long id = Json.tree(timer.payload()).path("notification").asLong();
        Optional<Notification> found = delivery.store().notification(handle, id);
        if (found.isEmpty()) return;
        Notification notification = found.get();
        Outcome outcome = (Outcome) result;
        if (outcome instanceof Outcome.Skipped skipped) {
            delivery.store().markCancelled(handle, id, skipped.why(), now);
        } else if (outcome instanceof Outcome.Deferred deferred) {
            delivery.store().markPending(handle, id, "held back: one " + notification.methodType() + " per "
                    + dev.tocsin.time.Durations.format(deferred.throttle()), deferred.until(), now);
            schedule(handle, notification.incidentId(), notification.userId(), id, "held-" + deferred.until().toEpochMilli(),
                    deferred.until(), now);
            handle.afterCommit(delivery.wake());
        } else if (outcome instanceof Outcome.Impossible impossible) {
            failed(handle, notification, impossible.why(), now);
        } else if (outcome instanceof Outcome.Attempted attempted) {
            completeAttempt(handle, notification, attempted, now);
        }
    }

    /**
     * Acknowledged (or escalated past the person) while the provider was being called: the message went out or
     * did not, and the notification says which; no retry, fallback or new timer follows.
     */
    @Override
    public void completeCancelled(Handle handle, Timer timer, Instant now, Object result) {
        long id = Json.tree(timer.payload()).path("notification").asLong();
        Optional<Notification> found = delivery.store().notification(handle, id);
        if (found.isEmpty() || found.get().status() != Notification.Status.SENDING) return;
        if (result instanceof Outcome.Attempted attempted && attempted.result() instanceof SendResult.Sent) {
            completeAttempt(handle, found.get(), attempted, now);
        } else {
            delivery.store().markCancelled(handle, id, "no longer needed", now);
        }
    }

    private void completeAttempt(Handle handle, Notification notification, Outcome.Attempted attempted, Instant now) {
        List<Notification> all = new ArrayList<>(List.of(notification));
        for (long carried : attempted.carried()) delivery.store().notification(handle, carried).ifPresent(all::add);
        if (attempted.result() instanceof SendResult.Sent sent) {
            count(notification.methodType(), "sent");
            // From when the notification was due to when the provider took it: engine lateness + provider time.
            io.micrometer.core.instrument.Timer.builder("tocsin.notifications.delay")
                    .description("From a notification's due time until its provider accepted it")
                    .publishPercentileHistogram().register(metrics)
                    .record(Duration.between(notification.dueAt(), now).abs());
            for (Notification each : all) {
                Long bundle = each.id() == notification.id() ? null : notification.id();
                delivery.store().markSent(handle, each.id(), attempted.provider(), sent.providerId(), bundle,
                        attempted.subject(), attempted.body(), now);
                if (bundle != null) Timers.cancelPrefix(handle, prefix(each.incidentId(), each.userId()) + each.id() + "/", now);
                if (each.incidentId() == null) continue;
                String together = all.size() > 1 ? " (one message for " + all.size() + " notifications)" : "";
                delivery.timeline(handle, each.incidentId(), now, "notified", "Notified " + each.userId() + " via "
                        + each.methodType() + " " + each.contactMethodId() + together, data(each, attempted.provider(), sent.providerId()));
            }
            return;
        }
        String error = attempted.result() instanceof SendResult.TransientFailure transientFailure ? transientFailure.error()
                : ((SendResult.PermanentFailure) attempted.result()).error();
        boolean retry = attempted.result() instanceof SendResult.TransientFailure;
        for (Notification each : all) {
            Notification current = delivery.store().notification(handle, each.id()).orElse(each);
            if (retry && current.attempts() < MAX_TRIES) {
                count(each.methodType(), "retried");
                Duration delay = retryDelay(current.attempts());
                delivery.store().markPending(handle, each.id(), error, now.plus(delay), now);
                schedule(handle, each.incidentId(), each.userId(), each.id(), "retry-" + current.attempts(), now.plus(delay), now);
                if (each.incidentId() != null) {
                    delivery.timeline(handle, each.incidentId(), now, "notification_retry", each.methodType() + " to "
                            + each.userId() + " failed (" + error + "): trying again in " + delay.toSeconds() + "s (try "
                            + (current.attempts() + 1) + " of " + MAX_TRIES + ")", data(each, attempted.provider(), null));
                }
                handle.afterCommit(delivery.wake());
            } else {
                failed(handle, current, retry ? error + " (" + MAX_TRIES + " tries)" : error, now);
            }
        }
    }

    /** The notification failed for good: say so, and move on to the person's next contact method at once. */
    void failed(Handle handle, Notification notification, String error, Instant now) {
        count(notification.methodType(), "failed");
        delivery.store().markFailed(handle, notification.id(), error, now);
        if (notification.incidentId() == null) return;
        long incidentId = notification.incidentId();
        delivery.timeline(handle, incidentId, now, "notification_failed", notification.methodType() + " "
                + notification.contactMethodId() + " to " + notification.userId() + " failed: " + error,
                data(notification, notification.provider(), notification.providerId()));
        Fallback.next(handle, delivery, incidentId, notification.userId(), notification.contactMethodId(), now);
    }

    private Duration retryDelay(int tries) {
        return RETRY.delay(tries, random);
    }

    private static Map<String, Object> data(Notification notification, String provider, String providerId) {
        Map<String, Object> data = new java.util.LinkedHashMap<>();
        data.put("notification_id", notification.id());
        data.put("user", notification.userId());
        data.put("contact_method", notification.contactMethodId());
        data.put("type", notification.methodType());
        if (provider != null) data.put("provider", provider);
        if (providerId != null) data.put("provider_id", providerId);
        return data;
    }

    public static Channel channelOf(String methodType) {
        return switch (methodType) {
            case "sms" -> Channel.SMS;
            case "voice" -> Channel.VOICE;
            case "email" -> Channel.EMAIL;
            case "ntfy" -> Channel.PUSH;
            case "slack" -> Channel.SLACK;
            case "teams" -> Channel.TEAMS;
            case "mattermost" -> Channel.MATTERMOST;
            case "webhook" -> Channel.WEBHOOK;
            default -> Channel.SYSTEM;
        };
    }

}
