package dev.tocsin.migrate;

import java.util.ArrayList;
import java.util.List;

/**
 * The migration report: every source object and what it became, and every feature that does not map exactly
 * with the reason and the nearest Tocsin equivalent. Nothing read from the source is left out of it.
 */
public final class Report {
    /** A source object and the Tocsin object it became ("not imported" when none). */
    public record Mapped(String kind, String source, String became) {
    }

    /** A feature of a source object that Tocsin does not reproduce exactly. */
    public record Unmapped(String kind, String source, String feature, String reason, String nearest) {
    }

    private final String sourceName;
    private final List<Mapped> mapped = new ArrayList<>();
    private final List<Unmapped> unmapped = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();

    public Report(String sourceName) {
        this.sourceName = sourceName;
    }

    public void mapped(String kind, String source, String became) {
        mapped.add(new Mapped(kind, source, became));
    }

    public void unmapped(String kind, String source, String feature, String reason, String nearest) {
        unmapped.add(new Unmapped(kind, source, feature, reason, nearest));
    }

    /** A problem that made the import incomplete (the exit code is then non-zero). */
    public void error(String message) {
        errors.add(message);
    }

    public List<Mapped> mapped() {
        return List.copyOf(mapped);
    }

    public List<Unmapped> unmapped() {
        return List.copyOf(unmapped);
    }

    public List<String> errors() {
        return List.copyOf(errors);
    }

    /** The few lines printed on stdout after an import. */
    public String summary() {
        return "Imported from " + sourceName + ": " + mapped.size() + " objects, " + unmapped.size()
                + " features that do not map exactly, " + errors.size() + " errors.";
    }

    /** The whole report as Markdown, with the overrides to apply. */
    public String markdown(List<PlannedOverride> overrides) {
        StringBuilder text = new StringBuilder("# Migration from ").append(sourceName).append("\n\n")
                .append(summary()).append("\n\n");
        if (!errors.isEmpty()) {
            text.append("## Errors\n\n");
            for (String error : errors) text.append("- ").append(error).append('\n');
            text.append('\n');
        }
        text.append("## Objects\n\n| kind | source | became |\n|---|---|---|\n");
        for (Mapped row : mapped) text.append(row(row.kind(), row.source(), row.became()));
        text.append("\n## Features that do not map exactly\n\n");
        if (unmapped.isEmpty()) {
            text.append("None.\n");
        } else {
            text.append("| kind | source | feature | why | nearest in Tocsin |\n|---|---|---|---|---|\n");
            for (Unmapped row : unmapped) {
                text.append(row(row.kind(), row.source(), row.feature(), row.reason(), row.nearest()));
            }
        }
        text.append("\n## Overrides to apply\n\nOverrides are runtime data in Tocsin, not configuration: after ")
                .append("`tocsin apply -f org.yaml`, run these commands (or `sh` this block).\n\n");
        if (overrides.isEmpty()) {
            text.append("None in the next 90 days.\n");
        } else {
            text.append("```sh\n");
            for (PlannedOverride override : overrides) text.append(override.command()).append('\n');
            text.append("```\n");
        }
        return text.toString();
    }

    private static String row(String... cells) {
        StringBuilder row = new StringBuilder("|");
        for (String cell : cells) row.append(' ').append(cell == null ? "" : cell.replace("|", "\\|").replace("\n", " ")).append(" |");
        return row.append('\n').toString();
    }
}
