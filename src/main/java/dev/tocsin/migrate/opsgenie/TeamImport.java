package dev.tocsin.migrate.opsgenie;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Opsgenie teams → Tocsin teams: members with roles (admin → manager); routing rules are reported. */
final class TeamImport {
    private final Mapping mapping;

    TeamImport(Mapping mapping) {
        this.mapping = mapping;
    }

    void name(JsonNode team) {
        String id = mapping.teamIds.of(team.path("name").asText());
        mapping.teams.put(team.path("id").asText(), id);
        mapping.teams.put(team.path("name").asText(), id);
    }

    Map<String, Object> map(JsonNode team) {
        String name = team.path("name").asText();
        String id = mapping.team(team.path("id").asText());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("name", name);
        List<Map<String, Object>> members = new ArrayList<>();
        Set<String> memberIds = new LinkedHashSet<>();
        for (JsonNode member : team.path("members")) {
            String user = mapping.user(member.path("user").path("id").asText());
            if (user == null) user = mapping.user(member.path("user").path("username").asText());
            if (user == null || !memberIds.add(user)) continue;
            String role = member.path("role").asText("user");
            if (!role.equals("admin") && !role.equals("user")) {
                mapping.report.unmapped("team", name, "role " + role + " of " + user,
                        "Tocsin teams have managers and members only", "member");
            }
            members.add(Map.of("user", user, "role", role.equals("admin") ? "manager" : "member"));
        }
        mapping.teamMembers.put(id, memberIds);
        if (!members.isEmpty()) out.put("members", members);
        mapping.report.mapped("team", name, "team " + id + " (" + members.size() + " members)");
        return out;
    }

    /** Reads the routing rules: the default rule's escalation becomes the team's services' policy. */
    void routing(JsonNode team, List<JsonNode> rules) {
        String name = team.path("name").asText();
        String id = mapping.team(team.path("id").asText());
        for (JsonNode rule : rules) {
            JsonNode notify = rule.path("notify");
            String target = notify.path("type").asText();
            String policy = target.equals("escalation") ? mapping.policies.get(notify.path("id").asText()) : null;
            boolean isDefault = rule.path("isDefault").asBoolean(false);
            if (isDefault && policy != null) {
                mapping.policyOfTeam.put(id, policy);
                mapping.report.mapped("routing rule", name + ": " + rule.path("name").asText("default"),
                        "escalation policy " + policy + " of the team's services");
            } else {
                mapping.report.unmapped("routing rule", name + ": " + rule.path("name").asText(rule.path("id").asText()),
                        "routes alerts by criteria/time to " + target + " " + notify.path("name").asText(),
                        "Tocsin routes by integration key to a service with one escalation policy",
                        "a service with its own integration per route; event rules for criteria");
            }
        }
    }
}
