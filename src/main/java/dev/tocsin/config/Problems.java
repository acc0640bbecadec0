package dev.tocsin.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every problem found in one configuration, collected rather than thrown so that one run reports them all.
 * Each is rendered {@code source:line: path: reason}; the line comes from where the parser saw the path,
 * so checks that run on the parsed model (references, duplicates) still point at the right line.
 */
public final class Problems {
    record Problem(int line, String path, String message) {
    }

    private final String source;
    private final boolean withLines;
    private final Map<String, Integer> lines = new HashMap<>();
    private final List<Problem> problems = new ArrayList<>();

    private Problems(String source, boolean withLines) {
        this.source = source;
        this.withLines = withLines;
    }

    /** Problems of a file or text whose lines mean something to the reader. */
    public static Problems of(String source) {
        return new Problems(source, true);
    }

    /** Problems of a request body, reported by path alone (a JSON body's line numbers help nobody). */
    public static Problems withoutLines() {
        return new Problems(null, false);
    }

    void line(String path, int line) {
        if (withLines) lines.putIfAbsent(path, line);
    }

    /** Reports a problem at {@code path}, on the line where that path (or its nearest parent) was written. */
    public void at(String path, String message) {
        problems.add(new Problem(lineOf(path), path, message));
    }

    void atLine(int line, String path, String message) {
        problems.add(new Problem(withLines ? line : 0, path, message));
    }

    private int lineOf(String path) {
        String probe = path;
        while (true) {
            Integer line = lines.get(probe);
            if (line != null) return line;
            int cut = Math.max(probe.lastIndexOf('.'), probe.lastIndexOf('['));
            if (cut <= 0) return 0;
            probe = probe.substring(0, cut);
        }
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    public int size() {
        return problems.size();
    }

    public String source() {
        return source;
    }

    /** One line per problem, in file order. */
    public List<String> formatted() {
        return problems.stream()
                .sorted(Comparator.comparingInt(Problem::line))
                .map(this::format)
                .distinct()
                .toList();
    }

    private String format(Problem problem) {
        StringBuilder text = new StringBuilder();
        if (source != null) {
            text.append(source);
            if (problem.line() > 0) text.append(':').append(problem.line());
            text.append(": ");
        }
        if (!problem.path().isEmpty()) text.append(problem.path()).append(": ");
        return text.append(problem.message()).toString();
    }

    /** "1 problem in org.yaml", "3 problems". */
    public String summary() {
        String count = problems.size() + (problems.size() == 1 ? " problem" : " problems");
        return source == null ? count : count + " in " + source;
    }
}
