package dev.tocsin.migrate.opsgenie;

import dev.tocsin.migrate.Ids;
import dev.tocsin.migrate.Report;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** What one Opsgenie import has learnt so far: Opsgenie ids → Tocsin ids, per kind, and the report. */
final class Mapping {
    final Report report = new Report("Opsgenie");
    final Ids userIds = new Ids();
    final Ids teamIds = new Ids();
    final Ids scheduleIds = new Ids();
    final Ids policyIds = new Ids();
    final Ids serviceIds = new Ids();
    final Ids heartbeatIds = new Ids();
    /** Opsgenie user id and username → Tocsin user id. */
    final Map<String, String> users = new HashMap<>();
    /** Opsgenie team id and name → Tocsin team id. */
    final Map<String, String> teams = new HashMap<>();
    /** Tocsin team id → its members' Tocsin ids. */
    final Map<String, Set<String>> teamMembers = new LinkedHashMap<>();
    final Map<String, String> schedules = new HashMap<>();
    final Map<String, String> policies = new HashMap<>();
    /** Tocsin team id → the policy its alerts go to (default routing rule, else a policy the team owns). */
    final Map<String, String> policyOfTeam = new HashMap<>();
    /** Tocsin team id → its first service (heartbeats open incidents there). */
    final Map<String, String> serviceOfTeam = new HashMap<>();

    String user(String idOrName) {
        return idOrName == null ? null : users.get(idOrName);
    }

    String team(String idOrName) {
        return idOrName == null ? null : teams.get(idOrName);
    }

    /** Every Opsgenie key a timeline may name (user and team ids and names) → the Tocsin users it stands for. */
    Map<String, Set<String>> people() {
        Map<String, Set<String>> people = new HashMap<>();
        users.forEach((key, user) -> people.put(key, Set.of(user)));
        teams.forEach((key, team) -> people.put(key, new LinkedHashSet<>(teamMembers.getOrDefault(team, Set.of()))));
        return people;
    }
}
