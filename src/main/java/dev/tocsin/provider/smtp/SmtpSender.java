package dev.tocsin.provider.smtp;

import dev.tocsin.provider.Message;
import dev.tocsin.provider.MessageSender;
import dev.tocsin.provider.SendResult;
import dev.tocsin.provider.SmtpSettings;
import jakarta.mail.Authenticator;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.Properties;

/**
 * Sends email through the configured mail server ({@code providers.smtp}) with Jakarta Mail: plain text plus
 * an HTML alternative. Port 465 means TLS from the first byte (SMTPS); otherwise STARTTLS is required when
 * {@code starttls} is on, so a misconfigured server fails instead of silently sending in clear text.
 */
public final class SmtpSender implements MessageSender {
    /** How long to wait for the server to connect, answer or take data before the attempt counts as failed. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final int IMPLICIT_TLS_PORT = 465;

    private final SmtpSettings settings;
    private final Session session;
    private final String protocol;

    public SmtpSender(SmtpSettings settings) {
        this.settings = settings;
        this.protocol = settings.port() == IMPLICIT_TLS_PORT ? "smtps" : "smtp";
        Properties properties = new Properties();
        String prefix = "mail." + protocol + ".";
        properties.put(prefix + "host", settings.host());
        properties.put(prefix + "port", Integer.toString(settings.port()));
        String timeout = Long.toString(DEFAULT_TIMEOUT.toMillis());
        properties.put(prefix + "connectiontimeout", timeout);
        properties.put(prefix + "timeout", timeout);
        properties.put(prefix + "writetimeout", timeout);
        if (settings.starttls() && !"smtps".equals(protocol)) {
            properties.put(prefix + "starttls.enable", "true");
            properties.put(prefix + "starttls.required", "true");
        }
        Authenticator authenticator = null;
        if (settings.username() != null) {
            properties.put(prefix + "auth", "true");
            String password = settings.password() == null ? "" : settings.password().value();
            authenticator = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(settings.username(), password);
                }
            };
        }
        this.session = Session.getInstance(properties, authenticator);
    }

    public SmtpSettings settings() {
        return settings;
    }

    @Override
    public SendResult send(String recipient, Message message) {
        try {
            MimeMessage mime = new MimeMessage(session);
            mime.setFrom(new InternetAddress(settings.from()));
            mime.setRecipients(jakarta.mail.Message.RecipientType.TO, InternetAddress.parse(recipient, true));
            mime.setSubject(message.subject(), StandardCharsets.UTF_8.name());
            mime.setSentDate(new Date());
            if (message.html() == null) {
                mime.setText(message.text(), StandardCharsets.UTF_8.name());
            } else {
                MimeBodyPart text = new MimeBodyPart();
                text.setText(message.text(), StandardCharsets.UTF_8.name());
                MimeBodyPart html = new MimeBodyPart();
                html.setText(message.html(), StandardCharsets.UTF_8.name(), "html");
                mime.setContent(new MimeMultipart("alternative", text, html));
            }
            try (Transport transport = session.getTransport(protocol)) {
                transport.connect();
                transport.sendMessage(mime, mime.getAllRecipients());
            }
            return SendResult.sent();
        } catch (MessagingException e) {
            return classify(e);
        }
    }

    /**
     * A 5xx reply (mailbox unknown, message refused) will not change by waiting; anything else — connection
     * refused, timeouts, 4xx, authentication (an admin may fix the password) — is worth another attempt.
     */
    static SendResult classify(MessagingException failure) {
        String error = describe(failure);
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            int code = -1;
            if (cause instanceof SMTPAddressFailedException address) code = address.getReturnCode();
            if (cause instanceof SMTPSendFailedException send) code = send.getReturnCode();
            if (code >= 500 && code < 600) return new SendResult.PermanentFailure(error);
        }
        if (failure instanceof jakarta.mail.internet.AddressException) return new SendResult.PermanentFailure(error);
        return new SendResult.TransientFailure(error);
    }

    private static Throwable next(Throwable cause) {
        if (cause instanceof MessagingException messaging && messaging.getNextException() != null) {
            return messaging.getNextException() == cause ? null : messaging.getNextException();
        }
        return cause.getCause() == cause ? null : cause.getCause();
    }

    private static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder(String.valueOf(failure.getMessage()).trim());
        Throwable cause = next(failure);
        if (cause != null && cause.getMessage() != null && !text.toString().contains(cause.getMessage().trim())) {
            text.append(": ").append(cause.getMessage().trim());
        }
        return text.toString();
    }
}
