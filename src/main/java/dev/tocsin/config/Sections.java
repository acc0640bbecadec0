package dev.tocsin.config;

import dev.tocsin.escalation.EscalationPolicy;
import dev.tocsin.heartbeat.Heartbeat;
import dev.tocsin.schedule.Schedule;
import dev.tocsin.service.Service;
import dev.tocsin.team.Team;
import dev.tocsin.user.User;

import java.util.Map;

/** Dispatches reading and writing of one object to the section of its kind. */
final class Sections {
    private Sections() {
    }

    /** Reads one object; {@code name} names the object of a {@link Kind#named()} kind. Null id if unusable. */
    static Entry parse(Kind kind, String name, Value value) {
        return switch (kind) {
            case USER -> entry(kind, UserSection.parse(value), User::id);
            case TEAM -> entry(kind, TeamSection.parse(value), Team::id);
            case SCHEDULE -> entry(kind, ScheduleSection.parse(value), Schedule::id);
            case ESCALATION_POLICY -> entry(kind, PolicySection.parse(value), EscalationPolicy::id);
            case SERVICE -> entry(kind, ServiceSection.parse(value), Service::id);
            case HEARTBEAT -> entry(kind, HeartbeatSection.parse(value), Heartbeat::id);
            case RULE -> entry(kind, RuleSection.parse(value), dev.tocsin.rules.Rule::name);
            case PROVIDER -> new Entry(kind, name, ProviderSection.parse(name, value));
            case AUTH -> new Entry(kind, name, AuthSection.parse(name, value));
        };
    }

    private static <T> Entry entry(Kind kind, T value, java.util.function.Function<T, String> id) {
        return new Entry(kind, id.apply(value), value);
    }

    static Map<String, Object> write(Entry entry, SecretStyle secrets) {
        return switch (entry.kind()) {
            case USER -> UserSection.write((User) entry.value(), secrets);
            case TEAM -> TeamSection.write((Team) entry.value());
            case SCHEDULE -> ScheduleSection.write((Schedule) entry.value());
            case ESCALATION_POLICY -> PolicySection.write((EscalationPolicy) entry.value());
            case SERVICE -> ServiceSection.write((Service) entry.value(), secrets);
            case HEARTBEAT -> HeartbeatSection.write((Heartbeat) entry.value(), secrets);
            case RULE -> RuleSection.write((dev.tocsin.rules.Rule) entry.value());
            case PROVIDER -> ProviderSection.write(entry.value(), secrets);
            case AUTH -> AuthSection.write(entry.value(), secrets);
        };
    }
}
