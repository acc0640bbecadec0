package dev.tocsin.user;

import dev.tocsin.secret.Secret;

/**
 * One way to reach a person. Each kind carries exactly the fields its provider needs; the {@code id} is
 * unique per user and is what notification rules name in {@code via}.
 */
public sealed interface ContactMethod {
    String id();

    /** The configuration name of this kind: {@code sms}, {@code email}, … */
    String type();

    /** A phone call ({@code voice}): the one kind of contact that rings a phone. */
    default boolean ringsPhone() {
        return "voice".equals(type());
    }

    /**
     * Whether this method may carry a page of {@code urgency}. Low urgency never rings a phone: a voice method is
     * skipped for it, in a person's rules, as the fallback for someone without rules, and as a delivery fallback.
     */
    default boolean allowedFor(dev.tocsin.urgency.Urgency urgency) {
        return urgency == dev.tocsin.urgency.Urgency.HIGH || !ringsPhone();
    }

    /** A text message ({@code sms}) or a phone call ({@code voice}) to an E.164 number. */
    record Phone(String id, String type, String to) implements ContactMethod {
    }

    record Email(String id, String to) implements ContactMethod {
        public String type() {
            return "email";
        }
    }

    /** A push notification through an ntfy server; {@code server} null means the public ntfy.sh. */
    record Ntfy(String id, String topic, String server) implements ContactMethod {
        public static final String DEFAULT_SERVER = "https://ntfy.sh";

        public String type() {
            return "ntfy";
        }
    }

    /** A Slack direct message or channel ({@code to} is a member id or {@code #channel}). */
    record Slack(String id, String to) implements ContactMethod {
        public String type() {
            return "slack";
        }
    }

    /** An incoming-webhook URL of a chat tool, {@code teams} or {@code mattermost}: a credential, so a secret. */
    record Chat(String id, String type, Secret url) implements ContactMethod {
    }

    /** A signed HTTP POST to the person's own endpoint. */
    record Webhook(String id, String url, Secret secret) implements ContactMethod {
        public String type() {
            return "webhook";
        }
    }

    /** Printed on the server's console: for demos and tests. */
    record Console(String id) implements ContactMethod {
        public String type() {
            return "console";
        }
    }
}
