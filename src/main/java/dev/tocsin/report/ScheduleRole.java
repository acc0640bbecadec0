package dev.tocsin.report;

import dev.tocsin.config.Organisation;
import dev.tocsin.escalation.EscalationLevel;
import dev.tocsin.escalation.EscalationPolicy;
import dev.tocsin.escalation.Target;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Whether being on call for a schedule is primary or backup duty, from the escalation levels that page it:
 * a schedule on the first level of any policy is primary (paged first); one only on later levels is backup.
 * A schedule no level pages counts as primary: nobody is asked before it.
 */
enum ScheduleRole {
    PRIMARY, BACKUP;

    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Classifies every schedule of an organisation. */
    record Classifier(Set<String> firstLevel, Set<String> laterLevels) {
        static Classifier of(Organisation organisation) {
            Set<String> first = new HashSet<>();
            Set<String> later = new HashSet<>();
            for (EscalationPolicy policy : organisation.document().escalationPolicies()) {
                for (int index = 0; index < policy.levels().size(); index++) {
                    EscalationLevel level = policy.levels().get(index);
                    for (Target target : level.targets()) {
                        if (target.kind() == Target.Kind.SCHEDULE) (index == 0 ? first : later).add(target.id());
                    }
                }
            }
            return new Classifier(Set.copyOf(first), Set.copyOf(later));
        }

        ScheduleRole roleOf(String scheduleId) {
            if (firstLevel.contains(scheduleId)) return PRIMARY;
            return laterLevels.contains(scheduleId) ? BACKUP : PRIMARY;
        }
    }
}
