package dev.tocsin.web;

import dev.tocsin.auth.IssuedToken;
import dev.tocsin.delivery.Notification;
import dev.tocsin.user.User;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The admins' settings page: API tokens (a new one shown once), notification providers, the notification outbox. */
public record SettingsView(List<Map<String, Object>> tokens, List<Notification> notifications, IssuedToken issued,
                           Names names, List<User> users, List<ProviderSettings.Provider> providers,
                           java.util.Optional<String> overwriteWarning) {
    public static String text(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value == null ? "" : value.toString();
    }

    public static Instant instant(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value instanceof Number millis ? Instant.ofEpochMilli(millis.longValue()) : null;
    }
}
