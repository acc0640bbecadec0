package dev.tocsin.delivery;

import dev.tocsin.incident.Incident;
import dev.tocsin.incident.IncidentStatus;
import dev.tocsin.trace.Actor;
import dev.tocsin.trace.Channel;
import dev.tocsin.user.ContactMethod;
import dev.tocsin.user.User;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * After a notification failed for good: the person's next contact method that has neither failed nor already
 * taken (or is about to take) a message during this paging (in the order the person listed them, starting after
 * the one that failed), at once. With none left, a person some method reached, or still may, stays paged (their
 * rules go on, and a later failure comes back here); a person no method can reach is unreachable and the incident
 * escalates early.
 */
final class Fallback {
    private Fallback() {
    }

    static void next(Handle handle, Delivery delivery, long incidentId, String userId, String failedMethod, Instant now) {
        Optional<Incident> incident = delivery.incidents().findIncident(handle, incidentId);
        if (incident.isEmpty() || incident.get().status() != IncidentStatus.TRIGGERED) return;
        Optional<Instant> pagedSince = delivery.pagedSince(handle, incidentId, userId);
        if (pagedSince.isEmpty()) return;   // no longer paged: nothing to fall back for
        Optional<User> user = delivery.organisation().user(userId);
        List<String> failed = delivery.store().failedMethods(handle, incidentId, userId, pagedSince.get());
        List<String> inUse = delivery.store().methodsInUse(handle, incidentId, userId, pagedSince.get());
        List<String> tried = new java.util.ArrayList<>(failed);
        tried.addAll(inUse);   // a method that took (or is about to take) this paging's message would only repeat it
        // Low urgency never rings a phone, not even as a fallback.
        List<ContactMethod> allowed = user.map(person -> person.contactMethods().stream()
                .filter(method -> method.allowedFor(incident.get().urgency())).toList()).orElse(List.of());
        Optional<ContactMethod> next = choose(allowed, failedMethod, tried);
        if (next.isPresent()) {
            DeliverTimer.create(handle, delivery.store(), incidentId, userId, next.get(), "fallback after " + failedMethod
                    + " failed", now);
            delivery.timeline(handle, incidentId, now, "notification_fallback", "Trying " + userId + "'s next contact method: "
                    + next.get().type() + " " + next.get().id(), Actor.system(), Channel.SYSTEM);
            handle.afterCommit(delivery.wake());
            return;
        }
        if (!inUse.isEmpty()) {
            delivery.timeline(handle, incidentId, now, "notification_fallback", "No other contact method of " + userId
                    + " to try; " + String.join(", ", inUse) + " reached them or still may", Actor.system(), Channel.SYSTEM);
            return;
        }
        delivery.timeline(handle, incidentId, now, "unreachable", "Every contact method of " + userId + " failed",
                Actor.system(), Channel.SYSTEM);
        delivery.unreachable(handle, incidentId, userId, now);
    }

    /** The first method after {@code failedMethod} in list order (wrapping around) that has not failed. */
    static Optional<ContactMethod> choose(List<ContactMethod> methods, String failedMethod, List<String> failed) {
        int start = 0;
        for (int i = 0; i < methods.size(); i++) if (methods.get(i).id().equals(failedMethod)) start = i + 1;
        for (int offset = 0; offset < methods.size(); offset++) {
            ContactMethod candidate = methods.get((start + offset) % methods.size());
            if (!candidate.id().equals(failedMethod) && !failed.contains(candidate.id())) return Optional.of(candidate);
        }
        return Optional.empty();
    }
}
