package dev.tocsin.paging;

import dev.tocsin.config.Organisation;
import dev.tocsin.incident.Incident;
import dev.tocsin.notice.Notice;
import dev.tocsin.notice.NoticeOutbox;
import dev.tocsin.team.Membership;
import dev.tocsin.team.Team;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * "Nothing is dropped silently": when nobody at all can be paged for an incident (no policy, nobody on call,
 * every contact method failed), the managers of the service's team are told through the notice outbox (the
 * managers of every team when the service has none), the timeline says so, the log says so at ERROR and the
 * counter {@code tocsin.paging.unpaged} goes up so monitoring can alert on it.
 */
public final class AdminAlerts {
    private static final Logger LOG = LoggerFactory.getLogger(AdminAlerts.class);

    private final Supplier<Organisation> organisation;
    private final NoticeOutbox outbox = new NoticeOutbox();
    private final Runnable noticesWake;
    private final Counter unpaged;

    public AdminAlerts(Supplier<Organisation> organisation, Runnable noticesWake, MeterRegistry metrics) {
        this.organisation = organisation;
        this.noticesWake = noticesWake;
        this.unpaged = Counter.builder("tocsin.paging.unpaged")
                .description("Times nobody could be paged for an incident and the admins were told").register(metrics);
    }

    /** Tells the managers; returns the sentence for the incident's timeline. */
    String alert(Handle handle, Incident incident, String why, Instant at) {
        Set<String> managers = managers(incident);
        LOG.error("Incident {} on {}: {}; telling {}", incident.number(), incident.serviceId(), why,
                managers.isEmpty() ? "nobody (no team has a manager)" : managers);
        unpaged.increment();
        String subject = "Tocsin: nobody could be paged for " + incident.number() + " (" + incident.serviceId() + ")";
        String body = "Incident " + incident.number() + " \"" + incident.title() + "\" on service " + incident.serviceId()
                + " is not reaching anyone: " + why + ".\nPlease take it, and fix the escalation policy or the contact methods.";
        int hash = Math.abs(why.hashCode());
        for (String manager : managers) {
            outbox.enqueue(handle, Notice.of(manager, "nobody_paged", "nobody_paged/" + incident.id() + "/" + hash + "/" + manager,
                    subject, body, at, at));
        }
        handle.afterCommit(noticesWake);
        String told = managers.isEmpty() ? "no team has a manager to tell; see the server log"
                : "told the managers: " + String.join(", ", managers);
        return "Nobody can be paged (" + why + "); " + told;
    }

    private Set<String> managers(Incident incident) {
        Organisation current = organisation.get();
        Set<String> managers = new LinkedHashSet<>();
        current.service(incident.serviceId()).map(service -> service.team()).flatMap(current::team)
                .ifPresent(team -> addManagers(team, managers));
        if (managers.isEmpty()) current.document().teams().forEach(team -> addManagers(team, managers));
        return managers;
    }

    private static void addManagers(Team team, Set<String> managers) {
        team.members().stream().filter(member -> member.role() == Membership.Role.MANAGER)
                .forEach(member -> managers.add(member.user()));
    }
}
