package dev.tocsin.web;

import dev.tocsin.auth.Role;
import dev.tocsin.team.Team;
import dev.tocsin.urgency.Urgency;
import dev.tocsin.user.ContactMethod;
import dev.tocsin.user.NotificationRule;
import dev.tocsin.user.User;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A person's page: profile, contact methods with their verification, notification rules per urgency, teams and web
 * sign-in. The forms show what was typed when a change was refused, with the reasons next to the fields.
 *
 * @param mayEdit the viewer is this person (and may act) or an admin
 */
public record PersonView(User user, Form form, Map<String, Object> verifiedAt, boolean mayEdit, boolean admin,
                         boolean self, List<Team> teams, Optional<Role> signInRole, Optional<String> overwriteWarning,
                         Names names) {
    /** The contact method types a person can add here, as the configuration names them. */
    public static final List<String> TYPES = List.of("console", "email", "sms", "voice", "ntfy", "slack", "teams",
            "mattermost", "webhook");

    /** One row of the notification-rule form: as typed. */
    public record RuleRow(String after, String via, String repeat) {
    }

    /** What the forms show: the stored values, or what was typed into a refused form, and the reasons. */
    public static final class Form {
        final Map<String, String> profile = new LinkedHashMap<>();
        final Map<String, String> added = new LinkedHashMap<>();
        final Map<Urgency, List<RuleRow>> rules = new EnumMap<>(Urgency.class);
        final Map<String, List<String>> problems = new LinkedHashMap<>();
        String verifying;

        static Form of(User user, String verifying) {
            Form form = new Form();
            form.profile.put("name", user.name());
            form.profile.put("email", user.email());
            form.profile.put("timezone", user.timezone().getId());
            form.profile.put("working_hours", user.workingHours() == null ? "" : user.workingHours().toString());
            for (Urgency urgency : Urgency.values()) {
                List<RuleRow> rows = new ArrayList<>();
                for (NotificationRule rule : user.rules(urgency)) {
                    rows.add(new RuleRow(format(rule.after()), rule.via(), rule.repeatEvery() == null ? "" : format(rule.repeatEvery())));
                }
                form.rules.put(urgency, rows);
            }
            form.verifying = verifying;
            return form;
        }

        public String profile(String field) {
            String value = profile.get(field);
            return value == null ? "" : value;
        }

        public String added(String field) {
            String value = added.get(field);
            return value == null ? "" : value;
        }

        /** The rows of one urgency, and one empty row to add a step. */
        public List<RuleRow> rules(Urgency urgency) {
            List<RuleRow> rows = new ArrayList<>(rules.getOrDefault(urgency, List.of()));
            rows.add(new RuleRow("", "", ""));
            return rows;
        }

        public List<String> problems(String section) {
            return problems.getOrDefault(section, List.of());
        }

        public String verifying() {
            return verifying;
        }
    }

    public List<Urgency> urgencies() {
        return List.of(Urgency.HIGH, Urgency.LOW);
    }

    public List<String> types() {
        return TYPES;
    }

    public boolean verified(ContactMethod method) {
        return verifiedAt.containsKey(method.id());
    }

    /** A console method prints on the server: there is nobody to send a code to. */
    public boolean needsNoCode(ContactMethod method) {
        return method instanceof ContactMethod.Console;
    }

    public Instant verifiedAt(ContactMethod method) {
        Object at = verifiedAt.get(method.id());
        return at instanceof Instant instant ? instant : null;
    }

    /** Where the method reaches the person, as a person reads it; a secret URL shows only its host. */
    public static String address(ContactMethod method) {
        if (method instanceof ContactMethod.Phone phone) return phone.to();
        if (method instanceof ContactMethod.Email email) return email.to();
        if (method instanceof ContactMethod.Ntfy ntfy) return "topic " + ntfy.topic() + (ntfy.server() == null ? "" : " on " + ntfy.server());
        if (method instanceof ContactMethod.Slack slack) return slack.to();
        if (method instanceof ContactMethod.Chat chat) return chat.url() == null ? "" : "a webhook (secret URL)";
        if (method instanceof ContactMethod.Webhook webhook) return webhook.url();
        return "the server's console";
    }

    /** The configuration field that holds a type's address ("" for none, null for an unknown type). */
    static String addressField(String type) {
        if (type == null) return null;
        return switch (type) {
            case "sms", "voice", "email", "slack" -> "to";
            case "ntfy" -> "topic";
            case "teams", "mattermost", "webhook" -> "url";
            case "console" -> "";
            default -> null;
        };
    }

    static String addressLabel(String type) {
        return switch (String.valueOf(addressField(type))) {
            case "to" -> "the address (" + ("email".equals(type) ? "an email address" : "sms".equals(type) || "voice".equals(type)
                    ? "a phone number like +41790000001" : "a Slack member or channel id") + ")";
            case "topic" -> "the ntfy topic";
            case "url" -> "the webhook URL";
            default -> "the address";
        };
    }

    /** The step's configured rule as a sentence: "at once by alice-console", "after 2m by alice-sms, every 5m". */
    public String sentence(NotificationRule rule) {
        String when = rule.after().isZero() ? "at once" : "after " + format(rule.after());
        return when + " by " + rule.via() + (rule.repeatEvery() == null ? "" : ", again every " + format(rule.repeatEvery()));
    }

    static String format(Duration duration) {
        return dev.tocsin.time.Durations.format(duration);
    }
}
