package dev.tocsin.notice;

import dev.tocsin.config.Organisation;
import dev.tocsin.provider.MessageSender;
import dev.tocsin.provider.SendResult;
import dev.tocsin.provider.SmtpSettings;
import dev.tocsin.store.Database;
import dev.tocsin.user.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Delivers the notices of the outbox that are due, each through its person's {@link Route}. It runs on its own
 * thread, woken by {@link #wake()} when something was enqueued and every {@link #DEFAULT_POLL_INTERVAL} for
 * notices that come due later or wait for a retry. Sending happens outside the database writer; the outcome
 * (sent, retry at, given up) is written afterwards. Tests call {@link #deliverDue()} with a controlled clock.
 */
public final class NoticeSender implements AutoCloseable {
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(5);
    private static final int BATCH = 50;
    /** A send blocked in a socket cannot be interrupted; shutting down does not wait for it longer than this. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(NoticeSender.class);

    private final Database database;
    private final Supplier<Organisation> config;
    private final Clock clock;
    private final Function<SmtpSettings, MessageSender> mailers;
    private final MessageSender console;
    private final Backoff backoff;
    private final RandomGenerator random;
    private final NoticeOutbox outbox = new NoticeOutbox();
    private final Semaphore wakeups = new Semaphore(0);
    private volatile Thread thread;
    private volatile boolean running;
    private SmtpSettings mailerSettings;
    private MessageSender mailer;

    /**
     * @param mailers builds the email sender for the current {@code providers.smtp}; rebuilt when it changes
     * @param console the sender of the {@code console} channel
     */
    public NoticeSender(Database database, Supplier<Organisation> config, Clock clock,
                        Function<SmtpSettings, MessageSender> mailers, MessageSender console, Backoff backoff,
                        RandomGenerator random) {
        this.database = database;
        this.config = config;
        this.clock = clock;
        this.mailers = mailers;
        this.console = console;
        this.backoff = backoff;
        this.random = random;
    }

    /** Starts the delivery thread. */
    public synchronized void start() {
        if (running) return;
        running = true;
        thread = new Thread(this::loop, "notice-sender");
        thread.setDaemon(true);
        thread.start();
    }

    /** False once the delivery thread has died while it should run. */
    public boolean isAlive() {
        Thread current = thread;
        return !running || current == null || current.isAlive();
    }

    /** Asks the thread for a pass now: call after enqueueing a notice that is due. Cheap; never blocks. */
    public void wake() {
        if (wakeups.availablePermits() == 0) wakeups.release();
    }

    private void loop() {
        while (running) {
            try {
                deliverDue();
            } catch (RuntimeException e) {
                LOG.warn("Delivering notices failed; trying again shortly", e);
            }
            try {
                wakeups.tryAcquire(DEFAULT_POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
                wakeups.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** One pass: delivers every notice due now. Returns how many attempts were made. */
    public synchronized int deliverDue() {
        int attempts = 0;
        while (true) {
            Instant now = clock.instant();
            List<Notice> due = database.jdbi().withHandle(handle -> outbox.due(handle, now, BATCH));
            for (Notice notice : due) deliver(notice);
            attempts += due.size();
            if (due.size() < BATCH) return attempts;
        }
    }

    private void deliver(Notice notice) {
        Organisation organisation = config.get();
        Optional<User> user = organisation.user(notice.userId());
        if (user.isEmpty()) {
            giveUp(notice, null, "user '" + notice.userId() + "' is no longer configured");
            return;
        }
        Optional<Route> route = Route.of(user.get(), organisation.smtp().isPresent());
        if (route.isEmpty()) {
            giveUp(notice, null, "user '" + notice.userId() + "' has no email or console contact method and no email");
            return;
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
        Instant now = clock.instant();
        if (result instanceof SendResult.Sent) {
            database.writeAndWait(handle -> {
                outbox.markSent(handle, notice.id(), channel, now);
                return null;
            });
            LOG.info("Notice {} ({}) sent to {} by {}", notice.id(), notice.kind(), notice.userId(), channel);
        } else if (result instanceof SendResult.PermanentFailure failure) {
            giveUp(notice, channel, failure.error());
        } else if (result instanceof SendResult.TransientFailure failure) {
            int attempts = notice.attempts() + 1;
            if (backoff.exhausted(attempts)) {
                giveUp(notice, channel, failure.error() + " (gave up after " + attempts + " attempts)");
                return;
            }
            Instant retry = backoff.retryAt(attempts, now, random);
            database.writeAndWait(handle -> {
                outbox.markFailed(handle, notice.id(), failure.error(), retry);
                return null;
            });
            LOG.warn("Notice {} to {} by {} failed (attempt {}), retrying at {}: {}", notice.id(),
                    notice.userId(), channel, attempts, retry, failure.error());
        }
    }

    private void giveUp(Notice notice, String channel, String error) {
        Instant now = clock.instant();
        database.writeAndWait(handle -> {
            outbox.markGivenUp(handle, notice.id(), channel, error, now);
            return null;
        });
        LOG.warn("Notice {} ({}) to {} could not be delivered and is marked failed: {}", notice.id(), notice.kind(),
                notice.userId(), error);
    }

    private Optional<MessageSender> emailSender(Organisation organisation) {
        Optional<SmtpSettings> settings = organisation.smtp();
        if (settings.isEmpty()) return Optional.empty();
        if (!settings.get().equals(mailerSettings)) {
            mailer = mailers.apply(settings.get());
            mailerSettings = settings.get();
        }
        return Optional.of(mailer);
    }

    @Override
    public void close() {
        running = false;
        Thread current = thread;
        if (current != null) {
            current.interrupt();
            try {
                current.join(CLOSE_WAIT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
