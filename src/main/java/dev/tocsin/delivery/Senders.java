package dev.tocsin.delivery;

import dev.tocsin.config.Organisation;
import dev.tocsin.provider.Message;
import dev.tocsin.provider.MessageSender;
import dev.tocsin.provider.NtfySettings;
import dev.tocsin.provider.ProviderHttp;
import dev.tocsin.provider.SendResult;
import dev.tocsin.provider.SmsSenders;
import dev.tocsin.provider.mattermost.MattermostSender;
import dev.tocsin.provider.ntfy.NtfySender;
import dev.tocsin.provider.slack.SlackSender;
import dev.tocsin.provider.smtp.SmtpSender;
import dev.tocsin.provider.teams.TeamsSender;
import dev.tocsin.provider.twilio.TwilioVoice;
import dev.tocsin.provider.webhook.WebhookSender;
import dev.tocsin.user.ContactMethod;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Sends a message through the provider a contact method's type calls for, with the providers configured now: a
 * registry of senders keyed by contact-method type (a new kind of contact method adds one entry).
 * Provider clients are kept per configuration value (a new configuration makes new ones), so a page does not
 * pay for building an HTTP client. A type whose provider is not configured is a permanent failure that says
 * what to configure: the page then falls back to the person's next contact method.
 */
public final class Senders {
    /** The provider's name (for delivery reports) and what it answered. */
    public record Sending(String provider, SendResult result) {
    }

    /** Bound on cached clients, so configurations applied over months do not pile up. */
    private static final int MAX_CACHED = 64;

    private final Supplier<String> publicUrl;
    private final ProviderHttp http;
    private final Clock clock;
    private final MessageSender console;
    private final Map<List<Object>, Object> clients = new ConcurrentHashMap<>();
    private final Map<String, ContactSender> registry;

    public Senders(Supplier<String> publicUrl, ProviderHttp http, Clock clock, MessageSender console) {
        this.publicUrl = publicUrl;
        this.http = http;
        this.clock = clock;
        this.console = console;
        this.registry = registry();
    }

    /** Sends one message through one kind of contact method, with the providers configured now. */
    @FunctionalInterface
    interface ContactSender {
        Sending send(Organisation organisation, String userId, ContactMethod method, Message message, Long incidentId,
                     String messageId);
    }

    /** The sender of each contact-method type ({@link ContactMethod#type()}); a type not here goes to the console. */
    private Map<String, ContactSender> registry() {
        Map<String, ContactSender> senders = new java.util.LinkedHashMap<>();
        senders.put("sms", (organisation, user, method, message, incident, id) -> sms(organisation, (ContactMethod.Phone) method, message));
        senders.put("voice", (organisation, user, method, message, incident, id) -> voice(organisation, (ContactMethod.Phone) method, message, incident));
        senders.put("email", (organisation, user, method, message, incident, id) -> email(organisation, (ContactMethod.Email) method, message));
        senders.put("ntfy", (organisation, user, method, message, incident, id) -> ntfy(organisation, (ContactMethod.Ntfy) method, message));
        senders.put("slack", (organisation, user, method, message, incident, id) -> slack(organisation, (ContactMethod.Slack) method, message));
        senders.put("teams", (organisation, user, method, message, incident, id) ->
                new Sending("teams", new TeamsSender(http).send(((ContactMethod.Chat) method).url().value(), message)));
        senders.put("mattermost", (organisation, user, method, message, incident, id) ->
                new Sending("mattermost", new MattermostSender(http).send(((ContactMethod.Chat) method).url().value(), message)));
        senders.put("webhook", (organisation, user, method, message, incident, id) -> {
            ContactMethod.Webhook webhook = (ContactMethod.Webhook) method;
            return new Sending("webhook", new WebhookSender(http, clock).send(webhook.url(), webhook.secret(), message, id));
        });
        senders.put("console", (organisation, user, method, message, incident, id) -> new Sending("console", console.send(user, message)));
        return Map.copyOf(senders);
    }

    /**
     * @param incidentId the incident a call is about (the voice webhook reads it out), or null
     * @param messageId  the same on every retry of one notification (the webhook's idempotency id)
     */
    public Sending send(Organisation organisation, String userId, ContactMethod method, Message message, Long incidentId,
                        String messageId) {
        ContactSender sender = registry.getOrDefault(method.type(), registry.get("console"));
        return sender.send(organisation, userId, method, message, incidentId, messageId);
    }

    private Sending sms(Organisation organisation, ContactMethod.Phone phone, Message message) {
        if (organisation.smsGateway().isEmpty() && organisation.twilio().isEmpty()) {
            return missing("sms", "providers.twilio or providers.sms_gateway");
        }
        String provider = organisation.smsGateway().isPresent() ? "sms_gateway" : "twilio";
        // Built once per configuration: a sender owns an HTTP client (a selector thread and its connections),
        // which costs more to build than a page takes to send.
        MessageSender sms = cached(List.of("sms", organisation.smsGateway(), organisation.twilio(), publicUrl.get()),
                key -> SmsSenders.choose(organisation.smsGateway(), organisation.twilio(), publicUrl.get()).orElseThrow());
        return new Sending(provider, sms.send(phone.to(), message));
    }

    private Sending voice(Organisation organisation, ContactMethod.Phone phone, Message message, Long incidentId) {
        return organisation.twilio().map(settings -> {
            TwilioVoice voice = cached(List.of("voice", settings, publicUrl.get()), key -> new TwilioVoice(settings, publicUrl.get()));
            return new Sending("twilio", incidentId == null ? voice.send(phone.to(), message) : voice.call(phone.to(), incidentId));
        }).orElseGet(() -> missing("voice", "providers.twilio"));
    }

    private Sending email(Organisation organisation, ContactMethod.Email email, Message message) {
        return organisation.smtp().map(settings -> new Sending("smtp",
                        cached(List.of("smtp", settings), key -> new SmtpSender(settings)).send(email.to(), message)))
                .orElseGet(() -> missing("email", "providers.smtp"));
    }

    private Sending ntfy(Organisation organisation, ContactMethod.Ntfy ntfy, Message message) {
        NtfySettings settings = organisation.ntfy().orElse(NtfySettings.DEFAULT);
        NtfySender sender = cached(List.of("ntfy", settings), key -> new NtfySender(settings, http));
        return new Sending("ntfy", sender.send(ntfy.server(), ntfy.topic(), message));
    }

    private Sending slack(Organisation organisation, ContactMethod.Slack slack, Message message) {
        return organisation.slack().map(settings -> new Sending("slack",
                        cached(List.of("slack", settings), key -> new SlackSender(settings, http)).send(slack.to(), message)))
                .orElseGet(() -> missing("slack", "providers.slack"));
    }

    /** Posts to {@code providers.slack.ops_channel}. */
    public SendResult announce(dev.tocsin.provider.SlackSettings settings, Message message) {
        return cached(List.of("slack", settings), key -> new SlackSender(settings, http)).sendToOpsChannel(message);
    }

    @SuppressWarnings("unchecked")
    private <T> T cached(List<Object> key, Function<List<Object>, T> create) {
        if (clients.size() > MAX_CACHED) clients.clear();
        return (T) clients.computeIfAbsent(key, create::apply);
    }

    private static Sending missing(String type, String section) {
        return new Sending(type, new SendResult.PermanentFailure("no provider for " + type + ": " + section
                + " is not configured"));
    }
}
