package dev.tocsin.cli;

/** Incident numbers as people type them: {@code 123} or {@code #123}. */
final class IncidentNumbers {
    private IncidentNumbers() {
    }

    /** The number's digits, or a usage error (exit 2) naming what was typed. */
    static String parse(String typed) {
        String id = typed == null ? "" : typed.strip().replaceFirst("^#", "");
        if (!id.matches("[1-9][0-9]{0,18}")) throw new CliException("'" + typed + "' is not an incident number (e.g. 123 or #123)", 2);
        return id;
    }
}
