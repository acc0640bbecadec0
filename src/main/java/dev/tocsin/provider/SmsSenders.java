package dev.tocsin.provider;

import dev.tocsin.provider.smsgateway.SmsGatewaySender;
import dev.tocsin.provider.twilio.TwilioSms;

import java.util.Optional;

/** Chooses how text messages go out: the HTTP SMS gateway when {@code providers.sms_gateway} is set, else Twilio. */
public final class SmsSenders {
    private SmsSenders() {
    }

    /** The SMS sender for this configuration, or empty if neither provider is configured. */
    public static Optional<MessageSender> choose(Optional<SmsGatewaySettings> gateway, Optional<TwilioSettings> twilio,
                                                 String publicUrl) {
        if (gateway.isPresent()) return Optional.of(new SmsGatewaySender(gateway.get()));
        return twilio.map(settings -> new TwilioSms(settings, publicUrl));
    }
}
