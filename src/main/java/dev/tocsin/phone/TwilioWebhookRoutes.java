package dev.tocsin.phone;

import dev.tocsin.config.Organisation;
import dev.tocsin.refusal.Refusal;
import dev.tocsin.http.Routes;
import dev.tocsin.incident.Incident;
import dev.tocsin.incident.Incidents;
import dev.tocsin.provider.twilio.TwiML;
import dev.tocsin.provider.twilio.TwilioSignature;
import dev.tocsin.respond.ResponderActions;
import dev.tocsin.delivery.DeliveryStatuses;
import dev.tocsin.delivery.PageTexts;
import dev.tocsin.provider.TwilioSettings;
import dev.tocsin.trace.Channel;
import dev.tocsin.user.User;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The phone channel, as Twilio reaches it. What Twilio calls: {@code POST /webhooks/twilio/sms} (replies to pages), {@code /voice} (the paging call's
 * words and keypad) and {@code /status} (delivery reports). Every request must carry a valid
 * {@code X-Twilio-Signature} for the URL Twilio called ({@code --public-url} + path + query), else 403.
 * Replies and keypresses act through {@link ResponderActions}, like every other channel.
 */
public final class TwilioWebhookRoutes implements Routes {
    public static final String SMS_PATH = "/webhooks/twilio/sms";
    public static final String VOICE_PATH = "/webhooks/twilio/voice";
    public static final String STATUS_PATH = "/webhooks/twilio/status";
    private static final Set<String> SMS_TYPES = Set.of("sms");
    private static final Set<String> CALL_TYPES = Set.of("voice", "sms");

    private final Supplier<Organisation> organisation;
    private final Incidents incidents;
    private final DeliveryStatuses statuses;
    private final Supplier<String> publicUrl;
    private final Clock clock;
    private final PhoneActions actions;

    public TwilioWebhookRoutes(Supplier<Organisation> organisation, ResponderActions responders, Incidents incidents,
                               DeliveryStatuses statuses, Supplier<String> publicUrl, Clock clock) {
        this.organisation = organisation;
        this.incidents = incidents;
        this.statuses = statuses;
        this.publicUrl = publicUrl;
        this.clock = clock;
        this.actions = new PhoneActions(organisation, responders);
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post(SMS_PATH, this::sms);
        routes.post(VOICE_PATH, this::voice);
        routes.post(STATUS_PATH, this::status);
    }

    private Map<String, List<String>> verified(Context ctx) {
        Optional<TwilioSettings> twilio = organisation.get().twilio();
        String query = ctx.queryString();
        String url = publicUrl.get() + ctx.path() + (query == null || query.isEmpty() ? "" : "?" + query);
        Map<String, List<String>> form = ctx.formParamMap();
        if (twilio.isEmpty() || !TwilioSignature.valid(twilio.get().authToken().value(), url, form,
                ctx.header("X-Twilio-Signature"))) {
            throw Refusal.forbidden("missing or wrong X-Twilio-Signature");
        }
        return form;
    }

    private static String first(Map<String, List<String>> form, String key) {
        List<String> values = form.get(key);
        return values == null || values.isEmpty() || values.get(0).isBlank() ? null : values.get(0).trim();
    }

    private void sms(Context ctx) {
        Map<String, List<String>> form = verified(ctx);
        ctx.contentType(TwiML.CONTENT_TYPE).result(TwiML.message(smsReply(form)));
    }

    private String smsReply(Map<String, List<String>> form) {
        Optional<User> user = actions.userByPhone(first(form, "From"), SMS_TYPES);
        if (user.isEmpty()) return "This number is not registered with Tocsin.";
        Optional<PhoneCommand> command = PhoneCommand.parse(first(form, "Body"));
        if (command.isEmpty()) {
            return "Reply 4 to acknowledge, 6 to resolve or 8 to escalate, followed by the incident number, e.g. 4 123.";
        }
        Long incidentId = command.get().incidentId();
        if (incidentId == null) incidentId = actions.latestOpenFor(user.get()).orElse(null);
        if (incidentId == null) {
            return "Which incident? You have no open incident assigned. Reply with its number, e.g. 4 123.";
        }
        return actions.perform(user.get(), command.get(), incidentId, Channel.SMS);
    }

    private void voice(Context ctx) {
        Map<String, List<String>> form = verified(ctx);
        ctx.contentType(TwiML.CONTENT_TYPE).result(voiceAnswer(form, incidentParameter(ctx.queryParam("incident"))));
    }

    private String voiceAnswer(Map<String, List<String>> form, Long incidentId) {
        // Outbound paging call: the person is the one called (To); a person calling in is the caller (From).
        Optional<User> user = actions.userByPhone(first(form, "To"), CALL_TYPES)
                .or(() -> actions.userByPhone(first(form, "From"), CALL_TYPES));
        if (user.isEmpty()) return TwiML.say("This number is not registered with Tocsin. Goodbye.");
        if (incidentId == null) incidentId = actions.latestOpenFor(user.get()).orElse(null);
        if (incidentId == null) return TwiML.say("This is Tocsin. You have no open incident assigned. Goodbye.");
        String digits = first(form, "Digits");
        if (digits != null) {
            Optional<PhoneCommand> command = PhoneCommand.parse(digits);
            if (command.isPresent()) {
                return TwiML.say(actions.perform(user.get(), command.get(), incidentId, Channel.VOICE) + " Goodbye.");
            }
        }
        Optional<Incident> incident = incidents.find(incidentId).map(Incidents.Details::incident);
        if (incident.isEmpty()) return TwiML.say("Incident " + incidentId + " does not exist. Goodbye.");
        String service = organisation.get().serviceName(incident.get().serviceId()).orElse(incident.get().serviceId());
        String page = (digits != null ? "Key " + digits + " does nothing. " : "")
                + PageTexts.voice(incident.get(), service, clock.instant());
        return TwiML.gather(page, PageTexts.voiceActions(), publicUrl.get() + VOICE_PATH + "?incident=" + incidentId);
    }

    private static Long incidentParameter(String text) {
        if (text == null || !text.trim().matches("#?\\d{1,18}")) return null;
        return Long.parseLong(text.trim().replace("#", ""));
    }

    private void status(Context ctx) {
        Map<String, List<String>> form = verified(ctx);
        String sid = Optional.ofNullable(first(form, "MessageSid")).orElse(first(form, "CallSid"));
        String status = Optional.ofNullable(first(form, "MessageStatus")).orElse(first(form, "CallStatus"));
        if (sid == null || status == null) {
            throw Refusal.invalid("a status callback needs MessageSid or CallSid and MessageStatus or CallStatus");
        }
        statuses.record(new DeliveryStatuses.Status("twilio", sid, status, first(form, "ErrorCode"), clock.instant()));
        ctx.status(204);
    }
}
