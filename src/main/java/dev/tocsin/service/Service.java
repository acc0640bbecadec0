package dev.tocsin.service;

import java.util.List;

/**
 * Something that can break and has an owner: alerts arrive through its integrations, and its incidents are
 * escalated through its escalation policy.
 *
 * @param description free text, or null
 * @param team        owning team id, or null
 */
public record Service(String id, String name, String description, String team, String escalationPolicy,
                      List<Integration> integrations) {
    public Service {
        integrations = List.copyOf(integrations);
    }
}
