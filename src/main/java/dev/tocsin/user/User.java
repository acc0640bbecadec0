package dev.tocsin.user;

import dev.tocsin.urgency.Urgency;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A person who can be paged: how to reach them ({@link ContactMethod}s) and in which order to try
 * ({@link NotificationRule}s per urgency).
 *
 * @param workingHours when the person normally works, in their own time zone, or null if not given
 * @param notices      handoff reminders and digest settings ({@link NoticePreferences#DEFAULT} if not given)
 */
public record User(String id, String name, String email, ZoneId timezone, WorkingHours workingHours,
                   List<ContactMethod> contactMethods, Map<Urgency, List<NotificationRule>> notificationRules,
                   NoticePreferences notices) {
    /** Time zone of a user who does not name one. */
    public static final ZoneId DEFAULT_TIMEZONE = ZoneId.of("UTC");

    public User {
        contactMethods = List.copyOf(contactMethods);
        notificationRules = Map.copyOf(notificationRules);
        if (notices == null) notices = NoticePreferences.DEFAULT;
    }

    /** A user with the default notice settings. */
    public User(String id, String name, String email, ZoneId timezone, WorkingHours workingHours,
                List<ContactMethod> contactMethods, Map<Urgency, List<NotificationRule>> notificationRules) {
        this(id, name, email, timezone, workingHours, contactMethods, notificationRules, NoticePreferences.DEFAULT);
    }

    public Optional<ContactMethod> contactMethod(String contactMethodId) {
        return contactMethods.stream().filter(method -> method.id().equals(contactMethodId)).findFirst();
    }

    public List<NotificationRule> rules(Urgency urgency) {
        return notificationRules.getOrDefault(urgency, List.of());
    }
}
