package dev.tocsin.config;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Reads and checks a whole configuration text without a database: the same parse and cross-checks as
 * {@code apply --dry-run}, for tools that write or read configuration offline (the importers and their
 * verification compute who is on call from the very file they wrote).
 */
public final class ConfigFiles {
    private ConfigFiles() {
    }

    /**
     * The parsed configuration; {@code ${NAME}} values come from {@code env}.
     *
     * @throws ConfigException listing every problem, one per line
     */
    public static Document read(String yaml, String sourceName, Map<String, String> env) {
        Problems problems = Problems.of(sourceName);
        Map<Entry, String> paths = new IdentityHashMap<>();
        ParseContext context = new ParseContext(problems, env);
        Document document = DocumentParser.parse(yaml, context, paths);
        CrossChecks.check(document, problems, entry -> paths.getOrDefault(entry, ConfigService.pathById(entry)),
                context.elementPaths());
        if (!problems.isEmpty()) throw ConfigException.of(problems);
        return document;
    }
}
