package dev.tocsin.config;

import dev.tocsin.escalation.EscalationPolicy;
import dev.tocsin.heartbeat.Heartbeat;
import dev.tocsin.provider.NtfySettings;
import dev.tocsin.provider.SlackSettings;
import dev.tocsin.provider.SmtpSettings;
import dev.tocsin.provider.TwilioSettings;
import dev.tocsin.schedule.Schedule;
import dev.tocsin.service.Service;
import dev.tocsin.team.Team;
import dev.tocsin.user.User;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A whole organisation as configured: every object, grouped by kind in file order. */
public record Document(List<Entry> entries) {
    public static final Document EMPTY = new Document(List.of());

    public Document {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingInt(entry -> entry.kind().ordinal()));
        entries = List.copyOf(sorted);
    }

    public List<Entry> entries(Kind kind) {
        return entries.stream().filter(entry -> entry.kind() == kind).toList();
    }

    public Optional<Entry> find(Kind kind, String id) {
        return entries.stream().filter(entry -> entry.kind() == kind && entry.id().equals(id)).findFirst();
    }

    /** This document with {@code replacement} in place of the object of the same kind and id (or added last). */
    public Document with(Entry replacement) {
        List<Entry> result = new ArrayList<>();
        boolean replaced = false;
        for (Entry entry : entries) {
            if (entry.kind() == replacement.kind() && entry.id().equals(replacement.id())) {
                result.add(replacement);
                replaced = true;
            } else {
                result.add(entry);
            }
        }
        if (!replaced) result.add(replacement);
        return new Document(result);
    }

    public Document without(Kind kind, String id) {
        return new Document(entries.stream().filter(entry -> !(entry.kind() == kind && entry.id().equals(id))).toList());
    }

    public List<User> users() {
        return values(Kind.USER, User.class);
    }

    public List<Team> teams() {
        return values(Kind.TEAM, Team.class);
    }

    public List<Schedule> schedules() {
        return values(Kind.SCHEDULE, Schedule.class);
    }

    public List<EscalationPolicy> escalationPolicies() {
        return values(Kind.ESCALATION_POLICY, EscalationPolicy.class);
    }

    public List<Service> services() {
        return values(Kind.SERVICE, Service.class);
    }

    public List<Heartbeat> heartbeats() {
        return values(Kind.HEARTBEAT, Heartbeat.class);
    }

    /** The top-level event rules, in file order. */
    public List<dev.tocsin.rules.Rule> rules() {
        return values(Kind.RULE, dev.tocsin.rules.Rule.class);
    }

    public Optional<TwilioSettings> twilio() {
        return find(Kind.PROVIDER, ProviderSection.TWILIO).map(entry -> (TwilioSettings) entry.value());
    }

    public Optional<SmtpSettings> smtp() {
        return find(Kind.PROVIDER, ProviderSection.SMTP).map(entry -> (SmtpSettings) entry.value());
    }

    public Optional<dev.tocsin.provider.SmsGatewaySettings> smsGateway() {
        return find(Kind.PROVIDER, SmsGatewaySection.NAME).map(entry -> (dev.tocsin.provider.SmsGatewaySettings) entry.value());
    }

    public Optional<NtfySettings> ntfy() {
        return find(Kind.PROVIDER, ProviderSection.NTFY).map(entry -> (NtfySettings) entry.value());
    }

    public Optional<SlackSettings> slack() {
        return find(Kind.PROVIDER, ProviderSection.SLACK).map(entry -> (SlackSettings) entry.value());
    }

    /** Single sign-on with OpenID Connect, if configured ({@code auth.oidc}). */
    public Optional<dev.tocsin.login.OidcSettings> oidc() {
        return find(Kind.AUTH, AuthSection.OIDC).map(entry -> (dev.tocsin.login.OidcSettings) entry.value());
    }

    private <T> List<T> values(Kind kind, Class<T> type) {
        return entries(kind).stream().map(entry -> type.cast(entry.value())).toList();
    }
}
