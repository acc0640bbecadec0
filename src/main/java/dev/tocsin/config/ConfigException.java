package dev.tocsin.config;

import java.util.List;

/** A configuration that cannot be applied; the message lists every problem, one per line. */
public class ConfigException extends RuntimeException {
    private final String summary;
    private final List<String> problems;

    public ConfigException(String summary, List<String> problems) {
        super(summary + (problems.isEmpty() ? "" : ":\n" + String.join("\n", problems)));
        this.summary = summary;
        this.problems = List.copyOf(problems);
    }

    static ConfigException of(Problems problems) {
        return new ConfigException(problems.summary(), problems.formatted());
    }

    public String summary() {
        return summary;
    }

    public List<String> problems() {
        return problems;
    }
}
