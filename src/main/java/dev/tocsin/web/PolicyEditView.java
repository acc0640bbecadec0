package dev.tocsin.web;

import dev.tocsin.config.Document;
import dev.tocsin.escalation.Target;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The policy form as the template shows it: the fields as typed, the targets one may pick (every configured schedule,
 * person and team, plus anything the form names that is not configured, so a refused form keeps it), the problems
 * next to their fields, and what the next file apply would do to a change made here.
 */
public record PolicyEditView(PolicyForm form, boolean create, List<Option> options, FormProblems problems,
                             Optional<String> warning) {
    /** Paths of a level that have a place on the form; problems elsewhere are listed above it. */
    private static final Pattern SHOWN = Pattern.compile(
            "|id|name|repeat|levels|levels\\[\\d+](\\.(notify(\\[\\d+])?|escalate_after|assign))?");

    /** One target to tick: {@code schedule:ID}, and how the page names it. */
    public record Option(String value, String label, String group) {
    }

    static List<Option> options(Document document, PolicyForm form) {
        List<Option> options = new ArrayList<>();
        document.schedules().forEach(s -> options.add(new Option("schedule:" + s.id(), named(s.name(), s.id()), "Schedules")));
        document.users().forEach(u -> options.add(new Option("user:" + u.id(), named(u.name(), u.id()), "People")));
        document.teams().forEach(t -> options.add(new Option("team:" + t.id(), named(t.name(), t.id()), "Teams")));
        Set<String> known = new LinkedHashSet<>(options.stream().map(Option::value).toList());
        for (PolicyForm.Level level : form.levels()) {
            for (String target : level.targets()) {
                if (known.add(target)) options.add(new Option(target, target + " (not configured)", "Not configured"));
            }
        }
        return options;
    }

    private static String named(String name, String id) {
        return name == null || name.isBlank() ? id : name;
    }

    public String title() {
        return create ? "New escalation policy" : "Edit " + (form.name().isBlank() ? form.id() : form.name());
    }

    public String action() {
        return create ? "/policies/new" : "/policies/" + form.id() + "/edit";
    }

    public String cancel() {
        return create ? "/policies" : "/policies/" + form.id();
    }

    /** The groups of targets in the order shown. */
    public List<String> groups() {
        return options.stream().map(Option::group).distinct().toList();
    }

    public List<Option> in(String group) {
        return options.stream().filter(option -> option.group().equals(group)).toList();
    }

    public boolean checked(PolicyForm.Level level, Option option) {
        return level.targets().contains(option.value());
    }

    /** "Level 2" for the level at index 1. */
    public static String level(int index) {
        return "Level " + (index + 1);
    }

    public static String kindOf(Option option) {
        return Target.parse(option.value()).map(target -> target.kind().wireName()).orElse("target");
    }

    public List<String> at(String path) {
        return problems.at(path);
    }

    public List<String> within(String path) {
        return problems.within(path);
    }

    /** Problems the form has no field for (another object's, a refusal as a whole). */
    public List<String> general() {
        return problems.unshown(path -> SHOWN.matcher(path).matches());
    }
}
