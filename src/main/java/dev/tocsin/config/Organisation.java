package dev.tocsin.config;

import dev.tocsin.escalation.EscalationPolicy;
import dev.tocsin.provider.NtfySettings;
import dev.tocsin.provider.SlackSettings;
import dev.tocsin.provider.SmtpSettings;
import dev.tocsin.provider.TwilioSettings;
import dev.tocsin.schedule.Schedule;
import dev.tocsin.service.Service;
import dev.tocsin.team.Team;
import dev.tocsin.user.User;

import java.util.List;
import java.util.Optional;

/**
 * The applied configuration as the rest of Tocsin reads it: an immutable snapshot, replaced whole when a
 * new configuration is applied.
 */
public interface Organisation {
    /** The integration an ingest request's key names, if any. */
    Optional<IntegrationBinding> integrationByKey(String key);

    /** The service an integration key's alerts open incidents on, if the key is configured. */
    default Optional<String> serviceOfKey(String key) {
        return integrationByKey(key).map(IntegrationBinding::serviceId);
    }

    /** Ids of the services owned by a team (empty if the team has none or does not exist). */
    List<String> serviceIdsOfTeam(String teamId);

    /** The display name of a service, if it exists. */
    Optional<String> serviceName(String serviceId);

    /** True if a user with this id is configured. */
    boolean hasUser(String userId);

    /** The configuration revision this snapshot is (0 before anything was applied). */
    long revision();

    Optional<User> user(String userId);

    Optional<Team> team(String teamId);

    Optional<Schedule> schedule(String scheduleId);

    Optional<EscalationPolicy> escalationPolicy(String policyId);

    Optional<Service> service(String serviceId);

    /** A service's support hours: its own, else its team's; empty when neither names any. */
    default Optional<dev.tocsin.urgency.SupportHours> supportHours(String serviceId) {
        return service(serviceId).flatMap(service -> service.supportHours() != null ? Optional.of(service.supportHours())
                : Optional.ofNullable(service.team()).flatMap(this::team).map(Team::supportHours));
    }

    Optional<TwilioSettings> twilio();

    Optional<SmtpSettings> smtp();

    /** The HTTP SMS gateway; when set, text messages go through it instead of Twilio. */
    Optional<dev.tocsin.provider.SmsGatewaySettings> smsGateway();

    /** {@code providers.ntfy}; absent means ntfy contact methods use {@link NtfySettings#DEFAULT}. */
    Optional<NtfySettings> ntfy();

    Optional<SlackSettings> slack();

    /** The event rules of this revision, compiled once (top-level rules, each service's rules, grouping, runbook). */
    default dev.tocsin.rules.RuleBook ruleBook() {
        return dev.tocsin.rules.RuleBook.EMPTY;
    }

    /** Everything, in file order. */
    Document document();
}
