package dev.tocsin.config;

import dev.tocsin.escalation.EscalationPolicy;
import dev.tocsin.provider.NtfySettings;
import dev.tocsin.provider.SlackSettings;
import dev.tocsin.provider.SmtpSettings;
import dev.tocsin.provider.TwilioSettings;
import dev.tocsin.schedule.Schedule;
import dev.tocsin.service.Integration;
import dev.tocsin.service.Service;
import dev.tocsin.team.Team;
import dev.tocsin.user.User;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@link Organisation} built from one valid {@link Document}, with lookups indexed up front. */
final class Snapshot implements Organisation {
    private final Document document;
    private final long revision;
    private final Map<String, IntegrationBinding> bindings = new HashMap<>();
    private final Map<Kind, Map<String, Object>> byId = new HashMap<>();
    private final dev.tocsin.rules.RuleBook ruleBook;

    Snapshot(Document document, long revision) {
        this.document = document;
        this.revision = revision;
        for (Entry entry : document.entries()) byId.computeIfAbsent(entry.kind(), kind -> new HashMap<>()).put(entry.id(), entry.value());
        for (Service service : document.services()) {
            for (Integration integration : service.integrations()) {
                bindings.put(integration.key(), new IntegrationBinding(service.id(), integration.type().wireName(),
                        integration.key(), integration.defaultSeverity(), integration.rateLimitPerSecond(),
                        integration.secret() == null ? null : integration.secret().value(),
                        integration.highPriorities()));
            }
        }
        Map<String, dev.tocsin.rules.RuleBook.ServiceRules> serviceRules = new HashMap<>();
        for (Service service : document.services()) {
            if (!service.rules().isEmpty() || service.grouping() != null || service.runbook() != null) {
                serviceRules.put(service.id(), new dev.tocsin.rules.RuleBook.ServiceRules(service.rules(),
                        service.grouping(), service.runbook()));
            }
        }
        this.ruleBook = document.rules().isEmpty() && serviceRules.isEmpty() ? dev.tocsin.rules.RuleBook.EMPTY
                : new dev.tocsin.rules.RuleBook(document.rules(), serviceRules);
    }

    @Override
    public dev.tocsin.rules.RuleBook ruleBook() {
        return ruleBook;
    }

    @Override
    public Optional<IntegrationBinding> integrationByKey(String key) {
        return Optional.ofNullable(key == null ? null : bindings.get(key));
    }

    @Override
    public List<String> serviceIdsOfTeam(String teamId) {
        return document.services().stream().filter(service -> teamId != null && teamId.equals(service.team()))
                .map(Service::id).toList();
    }

    @Override
    public Optional<String> serviceName(String serviceId) {
        return service(serviceId).map(Service::name);
    }

    @Override
    public boolean hasUser(String userId) {
        return user(userId).isPresent();
    }

    @Override
    public long revision() {
        return revision;
    }

    @Override
    public Optional<User> user(String userId) {
        return lookup(Kind.USER, userId, User.class);
    }

    @Override
    public Optional<Team> team(String teamId) {
        return lookup(Kind.TEAM, teamId, Team.class);
    }

    @Override
    public Optional<Schedule> schedule(String scheduleId) {
        return lookup(Kind.SCHEDULE, scheduleId, Schedule.class);
    }

    @Override
    public Optional<EscalationPolicy> escalationPolicy(String policyId) {
        return lookup(Kind.ESCALATION_POLICY, policyId, EscalationPolicy.class);
    }

    @Override
    public Optional<Service> service(String serviceId) {
        return lookup(Kind.SERVICE, serviceId, Service.class);
    }

    @Override
    public Optional<dev.tocsin.provider.SmsGatewaySettings> smsGateway() {
        return document.smsGateway();
    }

    @Override
    public Optional<TwilioSettings> twilio() {
        return document.twilio();
    }

    @Override
    public Optional<SmtpSettings> smtp() {
        return document.smtp();
    }

    @Override
    public Optional<NtfySettings> ntfy() {
        return document.ntfy();
    }

    @Override
    public Optional<SlackSettings> slack() {
        return document.slack();
    }

    @Override
    public Document document() {
        return document;
    }

    private <T> Optional<T> lookup(Kind kind, String id, Class<T> type) {
        Object value = byId.getOrDefault(kind, Map.of()).get(id);
        return type.isInstance(value) ? Optional.of(type.cast(value)) : Optional.empty();
    }
}
