package dev.tocsin.delivery;

import org.jdbi.v3.core.Handle;

import java.util.Locale;
import java.util.Set;

/**
 * Applies a provider's delivery report (Twilio's status callback) to the notification it is about: {@code delivered}
 * (a text that reached the phone, a call that was answered) makes it delivered; {@code failed}/{@code undelivered}
 * makes it failed after all, which is written on the timeline and moves on to the person's next contact method.
 * A call that was busy or not answered is written on the timeline and marked failed without a fallback: the
 * person's own rules decide what comes next (a voice rule repeats).
 */
public final class DeliveryReports implements DeliveryStatuses.Listener {
    private static final Set<String> DELIVERED = Set.of("delivered", "read", "completed");
    private static final Set<String> FAILED = Set.of("failed", "undelivered");
    private static final Set<String> UNANSWERED = Set.of("busy", "no-answer", "canceled");

    private final Delivery delivery;
    private final DeliverTimer deliveries;

    public DeliveryReports(Delivery delivery, DeliverTimer deliveries) {
        this.delivery = delivery;
        this.deliveries = deliveries;
    }

    @Override
    public void reported(Handle handle, DeliveryStatuses.Status status) {
        String reported = status.status().toLowerCase(Locale.ROOT);
        for (Notification notification : delivery.store().byProviderId(handle, status.provider(), status.providerId())) {
            if (notification.status() == Notification.Status.FAILED) continue;
            String code = status.errorCode() == null ? "" : " (error " + status.errorCode() + ")";
            if (DELIVERED.contains(reported)) {
                delivery.store().setStatus(handle, notification.id(), Notification.Status.DELIVERED, null, status.updatedAt());
            } else if (FAILED.contains(reported)) {
                deliveries.failed(handle, notification, status.provider() + " reported " + reported + code, status.updatedAt());
            } else if (UNANSWERED.contains(reported)) {
                delivery.store().setStatus(handle, notification.id(), Notification.Status.FAILED, reported, status.updatedAt());
                if (notification.incidentId() != null) {
                    delivery.timeline(handle, notification.incidentId(), status.updatedAt(), "call_unanswered", "Call to "
                            + notification.userId() + " (" + notification.contactMethodId() + "): " + reported, null);
                }
            }
        }
    }
}
