package dev.tocsin.delivery;

import dev.tocsin.json.Json;
import dev.tocsin.config.Organisation;
import dev.tocsin.engine.Timer;
import dev.tocsin.engine.TimerHandler;
import dev.tocsin.engine.Timers;
import dev.tocsin.incident.Incident;
import dev.tocsin.provider.Message;
import dev.tocsin.provider.SendResult;
import dev.tocsin.provider.SlackSettings;
import dev.tocsin.store.Database;
import dev.tocsin.user.ContactMethod;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Posts each new incident to the team's Slack channel ({@code providers.slack.ops_channel}), besides paging
 * people: the whole team sees what is going on. A temporary Slack failure is retried by the engine with backoff;
 * a permanent one is written on the timeline.
 */
public final class AnnounceTimer implements TimerHandler.WithOutsideWork {
    private final Delivery delivery;
    private final Database database;
    private final Senders senders;

    public AnnounceTimer(Delivery delivery, Database database, Senders senders) {
        this.delivery = delivery;
        this.database = database;
        this.senders = senders;
    }

    @Override
    public String kind() {
        return Delivery.ANNOUNCE;
    }

    /** Schedules the announcement of a new incident when an ops channel is configured. */
    public static void schedule(Handle handle, Organisation organisation, Incident incident, Instant now) {
        if (organisation.slack().map(SlackSettings::opsChannel).isEmpty()) return;
        Timers.schedule(handle, Delivery.ANNOUNCE, "announce/" + incident.id(), "{\"incident\":" + incident.id() + "}", now, now);
    }

    @Override
    public Object perform(Timer timer, Instant now) {
        long id = Json.tree(timer.payload()).path("incident").asLong();
        Optional<Incident> incident = database.jdbi().withHandle(handle -> delivery.incidents().findIncident(handle, id));
        Organisation organisation = delivery.organisation();
        Optional<SlackSettings> slack = organisation.slack().filter(settings -> settings.opsChannel() != null);
        if (incident.isEmpty() || slack.isEmpty()) return null;
        String runbook = database.jdbi().withHandle(handle -> dev.tocsin.incident.AlertTriageStore.columns(handle, id).runbook());
        Message message = PageMessages.page(List.of(incident.get()), service -> organisation.serviceName(service).orElse(service),
                new ContactMethod.Slack("ops-channel", slack.get().opsChannel()), now, List.of(), runbook);
        SendResult result = senders.announce(slack.get(), message);
        if (result instanceof SendResult.TransientFailure failure) {
            throw new IllegalStateException("Slack: " + failure.error());   // the engine retries with backoff
        }
        return result;
    }

    @Override
    public void complete(Handle handle, Timer timer, Instant now, Object outcome) {
        long id = Json.tree(timer.payload()).path("incident").asLong();
        String channel = delivery.organisation().slack().map(SlackSettings::opsChannel).orElse("the ops channel");
        if (outcome instanceof SendResult.Sent) {
            delivery.timeline(handle, id, now, "announced", "Posted to Slack " + channel, null);
        } else if (outcome instanceof SendResult.PermanentFailure failure) {
            delivery.timeline(handle, id, now, "announce_failed", "Could not post to Slack " + channel + ": " + failure.error(), null);
        }
    }

    @Override
    public void fire(Handle handle, Timer timer, Instant now) {
        complete(handle, timer, now, null);
    }
}
