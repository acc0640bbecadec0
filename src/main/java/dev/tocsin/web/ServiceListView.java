package dev.tocsin.web;

import dev.tocsin.config.Organisation;
import dev.tocsin.service.Service;

import java.util.List;

/** The services page: every configured service with its owner and policy. */
public record ServiceListView(Organisation organisation) {
    public List<Service> services() {
        return organisation.document().services();
    }

    public String team(Service service) {
        return teamOf(organisation, service);
    }

    /** The owning team's name, as the service pages show it. */
    static String teamOf(Organisation organisation, Service service) {
        if (service.team() == null) return "no team";
        return organisation.team(service.team()).map(team -> team.name()).orElse(service.team());
    }
}
