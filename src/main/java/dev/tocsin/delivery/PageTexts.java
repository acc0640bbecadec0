package dev.tocsin.delivery;

import dev.tocsin.incident.Incident;

import java.time.Duration;
import java.time.Instant;

/**
 * The words of a page for phone channels: number, title, service, urgency, how long it has been open, and how to
 * act from that channel. Pure: the caller passes the service's display name and the current time.
 */
public final class PageTexts {
    /** Titles are cut here so the reply instructions always fit in one SMS-sized message. */
    public static final int MAX_TITLE = 300;

    private PageTexts() {
    }

    /** "#123 [high] Disk full — service Checkout, open 12m. Reply 4 to acknowledge #123, 6 to resolve, 8 to escalate." */
    public static String sms(Incident incident, String serviceName, Instant now) {
        return "Tocsin " + incident.number() + " [" + incident.urgency().wireName() + "] " + title(incident)
                + " — service " + serviceName + ", open " + open(incident, now) + ". " + smsActions(incident.id());
    }

    /** The reply instructions alone, also used when a reply could not be understood. */
    public static String smsActions(long incidentId) {
        return "Reply 4 to acknowledge #" + incidentId + ", 6 to resolve, 8 to escalate.";
    }

    /** What the paging call says before asking for a key. */
    public static String voice(Incident incident, String serviceName, Instant now) {
        return "This is Tocsin with a " + incident.urgency().wireName() + " urgency page. Incident number "
                + incident.id() + " on service " + serviceName + ": " + title(incident) + ". Open for " + spoken(elapsed(incident, now))
                + ".";
    }

    /** The keypad choices the paging call offers. */
    public static String voiceActions() {
        return "Press 4 to acknowledge, 6 to resolve, 8 to escalate.";
    }

    private static String title(Incident incident) {
        String title = incident.title() == null ? "" : incident.title().strip();
        if (title.length() <= MAX_TITLE) return title;
        int cut = MAX_TITLE - 1;
        if (Character.isHighSurrogate(title.charAt(cut - 1))) cut--;
        return title.substring(0, cut) + "…";
    }

    private static Duration elapsed(Incident incident, Instant now) {
        Duration open = Duration.between(incident.createdAt(), now);
        return open.isNegative() ? Duration.ZERO : open.withSeconds(open.getSeconds() / 60 * 60).withNanos(0);
    }

    private static String open(Incident incident, Instant now) {
        return dev.tocsin.time.Durations.format(elapsed(incident, now));
    }

    private static String spoken(Duration duration) {
        long minutes = duration.toMinutes();
        if (minutes < 1) return "less than a minute";
        long hours = minutes / 60;
        long rest = minutes % 60;
        String text = hours > 0 ? hours + (hours == 1 ? " hour" : " hours") : "";
        if (rest > 0) text += (text.isEmpty() ? "" : " ") + rest + (rest == 1 ? " minute" : " minutes");
        return text;
    }
}
