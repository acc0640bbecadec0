package dev.tocsin.web;

import dev.tocsin.events.IncidentEvent;
import io.javalin.http.sse.SseClient;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells open pages that incidents changed, by Server-Sent Events: {@code incident} (any incident; the list reloads
 * its rows) and {@code incident-N} (that incident's page reloads its body). Pages fetch what changed themselves,
 * through the same read models and permission checks as any request, so an event carries no incident data.
 */
final class LiveUpdates {
    private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();

    /**
     * Keeps the client told from now on, then tells it of what {@code missed} finds: the incidents that changed
     * between the page's reading and this connection. The client is registered before that lookup, so a change
     * committed meanwhile is told by one or the other (or both: telling twice only makes the page read again).
     */
    void add(SseClient client, Supplier<List<Long>> missed) {
        clients.add(client);
        client.onClose(() -> clients.remove(client));
        synchronized (client) {   // the event stream's thread may be telling it something at the same time
            client.sendComment("connected");
            List<Long> changed = missed.get();
            if (!changed.isEmpty()) client.sendEvent("incident", Long.toString(changed.get(0)));
            for (long incidentId : changed) client.sendEvent("incident-" + incidentId, "changed");
        }
        client.keepAlive();
    }

    /** An incident event, on the event stream's thread. */
    void on(IncidentEvent event) {
        for (SseClient client : clients) {
            try {
                if (client.terminated()) {
                    clients.remove(client);
                    continue;
                }
                synchronized (client) {
                    client.sendEvent("incident", Long.toString(event.incidentId()));
                    client.sendEvent("incident-" + event.incidentId(), event.kind());
                }
            } catch (RuntimeException e) {
                clients.remove(client);   // the browser went away
            }
        }
    }
}
