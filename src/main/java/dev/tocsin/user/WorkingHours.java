package dev.tocsin.user;

import dev.tocsin.schedule.Window;

/**
 * When a person normally works, e.g. {@code Mon-Fri 08:00-18:00}, read in the person's own time zone.
 * On-call reports use it to count hours on call outside working hours.
 */
public record WorkingHours(Window.Daily window) {
    public static WorkingHours parse(String text) {
        Window window = Window.parse(text);
        if (!(window instanceof Window.Daily daily)) {
            throw new IllegalArgumentException("working hours must be days and hours like 'Mon-Fri 08:00-18:00', not a weekly span");
        }
        return new WorkingHours(daily);
    }

    @Override
    public String toString() {
        return window.toString();
    }
}
