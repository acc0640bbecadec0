package dev.tocsin.rules;

import dev.tocsin.incident.AlertEvent;
import dev.tocsin.incident.AlertTriage;
import dev.tocsin.incident.AlertTriage.Decision;
import dev.tocsin.urgency.Urgency;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The event rules of one configuration revision, compiled: the top-level rules and each service's rules, grouping
 * and runbook. {@link #evaluate} is a pure function of the event; it allocates only for what matched.
 */
public final class RuleBook {
    public static final RuleBook EMPTY = new RuleBook(List.of(), Map.of());

    /** What the rule book knows of one service. */
    public record ServiceRules(List<Rule> rules, Grouping grouping, String runbook) {
        public static final ServiceRules NONE = new ServiceRules(List.of(), null, null);

        public ServiceRules {
            rules = rules == null ? List.of() : List.copyOf(rules);
        }
    }

    /** One rule that matched, and where it was configured ({@code null} service: top level). */
    public record Match(Rule rule, String service) {
        public String describe() {
            return "rule '" + rule.name() + "'" + (service == null ? "" : " of service " + service);
        }
    }

    /** The evaluation of one event: the rules that matched and what they decided. */
    public record Verdict(List<Match> matches, AlertTriage triage) {
    }

    private final List<Rule> topLevel;
    private final Map<String, ServiceRules> services;

    public RuleBook(List<Rule> topLevel, Map<String, ServiceRules> services) {
        this.topLevel = List.copyOf(topLevel);
        this.services = Map.copyOf(services);
    }

    public List<Rule> topLevel() {
        return topLevel;
    }

    public ServiceRules service(String serviceId) {
        return services.getOrDefault(serviceId, ServiceRules.NONE);
    }

    /** What the rules decide for a trigger on {@code serviceId}'s integration. */
    public AlertTriage triage(AlertEvent event, String serviceId) {
        return evaluate(event, serviceId).triage();
    }

    /**
     * Tries the service's rules, then the top-level ones, in order; the first match ends it unless it says
     * {@code continue}. Among several matching rules, the first one to set an action wins it (a later rule only
     * fills what earlier ones left open); notes add up. Routing does not run the other service's rules (no
     * loops), but its grouping and runbook apply.
     */
    public Verdict evaluate(AlertEvent event, String serviceId) {
        ServiceRules own = service(serviceId);
        List<Match> matches = null;
        boolean stop = false;
        for (int pass = 0; pass < 2 && !stop; pass++) {
            List<Rule> rules = pass == 0 ? own.rules() : topLevel;
            for (Rule rule : rules) {
                if (!rule.when().test(event)) continue;
                if (matches == null) matches = new ArrayList<>(2);
                matches.add(new Match(rule, pass == 0 ? serviceId : null));
                if (!rule.continueMatching()) {
                    stop = true;
                    break;
                }
            }
        }
        if (matches == null && own.grouping() == null && own.runbook() == null) {
            Decision<String> runbook = Runbooks.of(event);
            return new Verdict(List.of(), runbook == null ? AlertTriage.NONE
                    : new AlertTriage(List.of(), null, null, null, null, null, List.of(), null, null, runbook));
        }
        return new Verdict(matches == null ? List.of() : List.copyOf(matches), decide(event, serviceId, matches));
    }

    private AlertTriage decide(AlertEvent event, String serviceId, List<Match> matches) {
        Decision<Urgency> urgency = null;
        Decision<String> priority = null, routeTo = null, groupKey = null, runbook = null;
        String suppressedBy = null, droppedBy = null;
        List<String> names = new ArrayList<>();
        List<Decision<String>> notes = new ArrayList<>();
        for (Match match : matches == null ? List.<Match>of() : matches) {
            Then then = match.rule().then();
            String by = match.describe();
            names.add(match.rule().name());
            if (urgency == null && then.urgency() != null) urgency = new Decision<>(then.urgency(), by);
            if (priority == null && then.priority() != null) priority = new Decision<>(then.priority(), by);
            if (routeTo == null && then.routeTo() != null && !then.routeTo().equals(serviceId)) {
                routeTo = new Decision<>(then.routeTo(), by);
            }
            if (groupKey == null && then.groupBy() != null) {
                String key = then.groupBy().render(event);
                if (key != null && !key.isEmpty()) groupKey = new Decision<>(key, by);
            }
            if (runbook == null && then.runbook() != null) runbook = new Decision<>(then.runbook(), by);
            if (suppressedBy == null && then.suppress()) suppressedBy = match.rule().name();
            if (droppedBy == null && then.drop()) droppedBy = match.rule().name();
            if (then.note() != null) notes.add(new Decision<>(then.note(), by));
        }
        ServiceRules target = routeTo == null ? service(serviceId) : service(routeTo.value());
        Duration window = target.grouping() == null ? Grouping.DEFAULT_WINDOW : target.grouping().window();
        if (groupKey == null && target.grouping() != null) {
            String key = target.grouping().key().render(event);
            if (key != null && !key.isEmpty()) groupKey = new Decision<>(key, "the grouping of service " + (routeTo == null ? serviceId : routeTo.value()));
        }
        if (runbook == null) runbook = Runbooks.of(event);
        if (runbook == null && target.runbook() != null) {
            runbook = new Decision<>(target.runbook(), "service " + (routeTo == null ? serviceId : routeTo.value()));
        }
        return new AlertTriage(names, urgency, priority, suppressedBy, droppedBy, routeTo, notes, groupKey,
                groupKey == null ? null : window, runbook);
    }
}
