package dev.tocsin.provider.smtp;

import dev.tocsin.provider.SendResult;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which SMTP failures are worth another attempt. */
class SmtpSenderTest {
    @Test
    void rejectedMailboxIsPermanent() throws Exception {
        var rejected = new SMTPAddressFailedException(new InternetAddress("gone@example.com"), "RCPT TO", 550,
                "550 5.1.1 mailbox unavailable");
        var failure = new SendFailedException("Invalid Addresses", rejected);

        assertThat(SmtpSender.classify(failure)).isInstanceOf(SendResult.PermanentFailure.class);
    }

    @Test
    void greylistingAndUnreachableServersAreTransient() throws Exception {
        var greylisted = new SMTPAddressFailedException(new InternetAddress("busy@example.com"), "RCPT TO", 451,
                "451 4.7.1 try again later");

        assertThat(SmtpSender.classify(new SendFailedException("Invalid Addresses", greylisted)))
                .isInstanceOf(SendResult.TransientFailure.class);
        assertThat(SmtpSender.classify(new MessagingException("Couldn't connect to host", new ConnectException("Connection refused"))))
                .isInstanceOf(SendResult.TransientFailure.class)
                .hasToString("TransientFailure[error=Couldn't connect to host: Connection refused]");
    }
}
