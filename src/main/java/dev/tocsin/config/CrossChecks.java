package dev.tocsin.config;

import dev.tocsin.escalation.EscalationLevel;
import dev.tocsin.escalation.EscalationPolicy;
import dev.tocsin.escalation.Target;
import dev.tocsin.heartbeat.Heartbeat;
import dev.tocsin.schedule.FixedShift;
import dev.tocsin.schedule.Layer;
import dev.tocsin.schedule.Participant;
import dev.tocsin.schedule.Schedule;
import dev.tocsin.service.Integration;
import dev.tocsin.service.Service;
import dev.tocsin.team.Membership;
import dev.tocsin.team.Team;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Checks that need the whole organisation: ids unique per kind, every reference pointing at an object that
 * exists, integration keys unique across services. Runs on the parsed model, so it finds the same problems
 * whether the organisation came from a file or from API edits.
 */
final class CrossChecks {
    private final Problems problems;
    private final Function<Entry, String> pathOf;
    private final Map<Object, String> elementPaths;
    private final Map<Kind, Set<String>> ids = new EnumMap<>(Kind.class);

    private CrossChecks(Problems problems, Function<Entry, String> pathOf, Map<Object, String> elementPaths) {
        this.problems = problems;
        this.pathOf = pathOf;
        this.elementPaths = elementPaths;
    }

    /**
     * Checks {@code document}; {@code pathOf} names where each object was written and {@code elementPaths}
     * where list elements were (see {@link ParseContext#located}), so reports point at the right field.
     */
    static void check(Document document, Problems problems, Function<Entry, String> pathOf, Map<Object, String> elementPaths) {
        new CrossChecks(problems, pathOf, elementPaths).run(document);
    }

    private String at(Object element, String computed) {
        return elementPaths.getOrDefault(element, computed);
    }

    private void run(Document document) {
        Map<String, String> firstPath = new HashMap<>();
        for (Entry entry : document.entries()) {
            Set<String> known = ids.computeIfAbsent(entry.kind(), kind -> new LinkedHashSet<>());
            if (!known.add(entry.id())) {
                problems.at(pathOf.apply(entry) + (entry.kind().named() ? "" : ".id"), "duplicate " + entry.kind().singular()
                        + " id '" + entry.id() + "' (first at " + firstPath.get(entry.kind() + "/" + entry.id()) + ")");
            } else {
                firstPath.put(entry.kind() + "/" + entry.id(), pathOf.apply(entry));
            }
        }
        for (Entry entry : document.entries(Kind.TEAM)) checkTeam((Team) entry.value(), pathOf.apply(entry));
        for (Entry entry : document.entries(Kind.SCHEDULE)) checkSchedule((Schedule) entry.value(), pathOf.apply(entry));
        for (Entry entry : document.entries(Kind.ESCALATION_POLICY)) checkPolicy((EscalationPolicy) entry.value(), pathOf.apply(entry));
        Map<String, String> keyOwners = new HashMap<>();
        for (Entry entry : document.entries(Kind.SERVICE)) checkService((Service) entry.value(), pathOf.apply(entry), keyOwners);
        for (Entry entry : document.entries(Kind.RULE)) {
            dev.tocsin.rules.Rule rule = (dev.tocsin.rules.Rule) entry.value();
            reference(Kind.SERVICE, rule.then().routeTo(), pathOf.apply(entry) + ".then.route_to");
        }
        for (Entry entry : document.entries(Kind.HEARTBEAT)) {
            reference(Kind.SERVICE, ((Heartbeat) entry.value()).serviceId(), pathOf.apply(entry) + ".service");
        }
    }

    private void checkTeam(Team team, String path) {
        for (int i = 0; i < team.members().size(); i++) {
            Membership member = team.members().get(i);
            reference(Kind.USER, member.user(), at(member, path + ".members[" + i + "]") + ".user");
        }
    }

    private void checkSchedule(Schedule schedule, String path) {
        for (int l = 0; l < schedule.layers().size(); l++) {
            Layer layer = schedule.layers().get(l);
            for (int f = 0; f < layer.shifts().size(); f++) {
                FixedShift shift = layer.shifts().get(f);
                reference(Kind.USER, shift.userId(), at(shift, path + ".layers[" + l + "].shifts[" + f + "]") + ".user");
            }
            for (int p = 0; p < layer.users().size(); p++) {
                Participant participant = layer.users().get(p);
                String participantPath = at(participant, path + ".layers[" + l + "].users[" + p + "]");
                if (participant.users().size() == 1) {
                    reference(Kind.USER, participant.users().get(0), participantPath);
                } else {
                    for (int u = 0; u < participant.users().size(); u++) {
                        reference(Kind.USER, participant.users().get(u), participantPath + "[" + u + "]");
                    }
                }
            }
        }
    }

    private void checkPolicy(EscalationPolicy policy, String path) {
        for (int l = 0; l < policy.levels().size(); l++) {
            EscalationLevel level = policy.levels().get(l);
            for (int t = 0; t < level.targets().size(); t++) {
                Target target = level.targets().get(t);
                Kind kind = switch (target.kind()) {
                    case USER -> Kind.USER;
                    case TEAM -> Kind.TEAM;
                    case SCHEDULE -> Kind.SCHEDULE;
                };
                reference(kind, target.id(), at(target, path + ".levels[" + l + "].notify[" + t + "]"));
            }
        }
    }

    private void checkService(Service service, String path, Map<String, String> keyOwners) {
        Map<String, Integer> ruleNames = new HashMap<>();
        for (int i = 0; i < service.rules().size(); i++) {
            dev.tocsin.rules.Rule rule = service.rules().get(i);
            String rulePath = path + ".rules[" + i + "]";
            reference(Kind.SERVICE, rule.then().routeTo(), rulePath + ".then.route_to");
            if (rule.name() == null) continue;
            Integer first = ruleNames.putIfAbsent(rule.name(), i);
            if (first != null) {
                problems.at(rulePath + ".name", "duplicate rule name '" + rule.name() + "' (first at " + path + ".rules[" + first + "])");
            }
        }
        if (service.team() != null) reference(Kind.TEAM, service.team(), path + ".team");
        if (service.escalationPolicy() != null) reference(Kind.ESCALATION_POLICY, service.escalationPolicy(), path + ".escalation_policy");
        for (int i = 0; i < service.integrations().size(); i++) {
            Integration integration = service.integrations().get(i);
            if (integration.key() == null) continue;
            String keyPath = path + ".integrations[" + i + "].key";
            String owner = keyOwners.putIfAbsent(integration.key(), keyPath);
            if (owner != null) {
                problems.at(keyPath, "integration key '" + integration.key() + "' is already used at " + owner);
            }
        }
    }

    private void reference(Kind kind, String id, String path) {
        if (id == null) return;
        Set<String> known = ids.getOrDefault(kind, Set.of());
        if (!known.contains(id)) {
            problems.at(path, "unknown " + kind.singular().replace('_', ' ') + " '" + id + "'" + Suggestions.hint(id, known));
        }
    }
}
