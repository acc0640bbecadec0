package dev.tocsin.paging;

import dev.tocsin.escalation.Escalator;
import dev.tocsin.escalation.ManualEscalation;
import dev.tocsin.refusal.Refusal;
import dev.tocsin.incident.Incident;
import dev.tocsin.store.Database;
import dev.tocsin.trace.Actor;
import dev.tocsin.trace.Channel;

import java.time.Clock;
import java.time.Instant;

/** Escalation by hand from any channel, in its own transaction: the API, the CLI, an SMS "8", a keypress, a link. */
public final class ManualEscalations implements Escalator {
    private final Database database;
    private final Paging paging;
    private final Clock clock;

    public ManualEscalations(Database database, Paging paging, Clock clock) {
        this.database = database;
        this.paging = paging;
        this.clock = clock;
    }

    @Override
    public ManualEscalation.Result escalate(long incidentId, ManualEscalation how, Actor actor, Channel channel) {
        Instant now = clock.instant();
        return database.writeAndWait(handle -> {
            Incident incident = paging.incidents().findIncident(handle, incidentId)
                    .orElseThrow(() -> Refusal.notFound("incident #" + incidentId));
            return paging.escalateManually(handle, incident, how, actor, channel, now);
        });
    }
}
