package dev.tocsin.notice;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tocsin.config.Organisation;
import dev.tocsin.engine.Backoff;
import dev.tocsin.engine.Timer;
import dev.tocsin.engine.TimerHandler;
import dev.tocsin.engine.Timers;
import dev.tocsin.provider.MessageSender;
import dev.tocsin.provider.SendResult;
import dev.tocsin.provider.SmtpSettings;
import dev.tocsin.store.Database;
import dev.tocsin.user.User;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Sends one notice of the outbox when its {@code notice} timer comes due (the outbox schedules it in the
 * transaction that writes the notice). The send is the timer's outside work, done while this node holds the
 * timer's lease, so one node sends it; the outcome (sent, retry at, given up) is written in the timer's completing
 * transaction. A failure that may pass is retried with {@link #BACKOFF} by scheduling the timer again; the
 * notice keeps its attempts and last error, and a notice given up stays visible as failed.
 *
 * <p>At least once, like every provider call: a node that dies after the mail server took the message and
 * before the completion committed leaves the notice to be sent again by the node that takes the timer over.
 */
public final class NoticeSender implements TimerHandler.WithOutsideWork {
    /** 1, 2, 4 … minutes, capped at an hour, up to half of each wait taken off: about four hours of trying in all. */
    public static final Backoff BACKOFF = new Backoff(Duration.ofMinutes(1), Duration.ofHours(1), 10, 0.5);
    private static final Logger LOG = LoggerFactory.getLogger(NoticeSender.class);

    /** What sending found or did, for the completing transaction. */
    private sealed interface Outcome {
        /** Sent already, given up already, or gone: nothing to do. */
        record Nothing() implements Outcome {
        }

        /** Cannot be delivered at all (no such user, no way to reach them): fail at once. */
        record Impossible(Notice notice, String error) implements Outcome {
        }

        /** The channel was tried. */
        record Attempted(Notice notice, String channel, SendResult result) implements Outcome {
        }
    }

    private final Database database;
    private final Supplier<Organisation> config;
    private final Function<SmtpSettings, MessageSender> mailers;
    private final MessageSender console;
    private final Backoff backoff;
    private final RandomGenerator random;
    private final NoticeOutbox outbox = new NoticeOutbox();
    private SmtpSettings mailerSettings;
    private MessageSender mailer;

    /**
     * @param mailers builds the email sender for the current {@code providers.smtp}; rebuilt when it changes
     * @param console the sender of the {@code console} channel
     */
    public NoticeSender(Database database, Supplier<Organisation> config, Function<SmtpSettings, MessageSender> mailers,
                        MessageSender console, Backoff backoff, RandomGenerator random) {
        this.database = database;
        this.config = config;
        this.mailers = mailers;
        this.console = console;
        this.backoff = backoff;
        this.random = random;
    }

    @Override
    public String kind() {
        return NoticeOutbox.TIMER_KIND;
    }

    /** One lane per person: a person's notices go out one after the other, in due order. */
    @Override
    public Object lane(Timer timer) {
        return payload(timer).path("user").asText();
    }

    @Override
    public Object perform(Timer timer, Instant now) {
        long id = payload(timer).path("notice").asLong();
        Optional<Notice> stored = database.jdbi().withHandle(handle -> outbox.find(handle, id));
        if (stored.isEmpty() || stored.get().status() != Notice.Status.PENDING) return new Outcome.Nothing();
        Notice notice = stored.get();
        Organisation organisation = config.get();
        Optional<User> user = organisation.user(notice.userId());
        if (user.isEmpty()) return new Outcome.Impossible(notice, "user '" + notice.userId() + "' is no longer configured");
        Optional<Route> route = Route.of(user.get(), organisation.smtp().isPresent());
        if (route.isEmpty()) {
            return new Outcome.Impossible(notice, "user '" + notice.userId() + "' has no email or console contact method and no email");
        }
        String channel = route.get().channel();
        SendResult result;
        try {
            result = Route.CONSOLE.equals(channel) ? console.send(route.get().address(), NoticeMessages.of(notice))
                    : emailSender(organisation)
                            .map(mail -> mail.send(route.get().address(), NoticeMessages.of(notice)))
                            .orElseGet(() -> new SendResult.TransientFailure("no mail server is configured (providers.smtp)"));
        } catch (RuntimeException e) {
            result = new SendResult.TransientFailure(e.toString());
        }
        return new Outcome.Attempted(notice, channel, result);
    }

    @Override
    public void complete(Handle handle, Timer timer, Instant now, Object outcome) {
        if (outcome instanceof Outcome.Impossible impossible) {
            giveUp(handle, impossible.notice(), null, impossible.error(), now);
        } else if (outcome instanceof Outcome.Attempted attempted) {
            Notice notice = attempted.notice();
            String channel = attempted.channel();
            if (attempted.result() instanceof SendResult.Sent) {
                outbox.markSent(handle, notice.id(), channel, now);
                LOG.info("Notice {} ({}) sent to {} by {}", notice.id(), notice.kind(), notice.userId(), channel);
            } else if (attempted.result() instanceof SendResult.PermanentFailure failure) {
                giveUp(handle, notice, channel, failure.error(), now);
            } else if (attempted.result() instanceof SendResult.TransientFailure failure) {
                int attempts = notice.attempts() + 1;
                if (backoff.exhausted(attempts)) {
                    giveUp(handle, notice, channel, failure.error() + " (gave up after " + attempts + " attempts)", now);
                    return;
                }
                Instant retry = backoff.retryAt(attempts, now, random);
                outbox.markFailed(handle, notice.id(), failure.error(), retry);
                // The timer being completed has freed its key: the same key now stands for the next try.
                Timers.schedule(handle, kind(), timer.key(), timer.payload(), retry, now);
                LOG.warn("Notice {} to {} by {} failed (attempt {}), retrying at {}: {}", notice.id(),
                        notice.userId(), channel, attempts, retry, failure.error());
            }
        }
    }

    /**
     * This node lost the timer (its lease expired while it was sending, and another node took it over): if the
     * mail server took the message, say so, so that the other node does not send it again if it has not yet.
     */
    @Override
    public void completeCancelled(Handle handle, Timer timer, Instant now, Object outcome) {
        if (outcome instanceof Outcome.Attempted attempted && attempted.result() instanceof SendResult.Sent) {
            outbox.markSent(handle, attempted.notice().id(), attempted.channel(), now);
        }
    }

    @Override
    public void fire(Handle handle, Timer timer, Instant now) {
        throw new IllegalStateException("a notice is sent by perform() before its timer completes");
    }

    private void giveUp(Handle handle, Notice notice, String channel, String error, Instant now) {
        outbox.markGivenUp(handle, notice.id(), channel, error, now);
        LOG.warn("Notice {} ({}) to {} could not be delivered and is marked failed: {}", notice.id(), notice.kind(),
                notice.userId(), error);
    }

    /** Lanes send in parallel: the cached mailer is shared between them. */
    private synchronized Optional<MessageSender> emailSender(Organisation organisation) {
        Optional<SmtpSettings> settings = organisation.smtp();
        if (settings.isEmpty()) return Optional.empty();
        if (!settings.get().equals(mailerSettings)) {
            mailer = mailers.apply(settings.get());
            mailerSettings = settings.get();
        }
        return Optional.of(mailer);
    }

    private static JsonNode payload(Timer timer) {
        return NoticeOutbox.readPayload(timer.payload());
    }
}
