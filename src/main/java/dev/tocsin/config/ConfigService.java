package dev.tocsin.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tocsin.refusal.Refusal;
import dev.tocsin.store.Database;
import dev.tocsin.trace.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Configuration as code: parses, validates, applies, diffs and exports the organisation's YAML, and edits
 * single objects for the API. Every change is one transaction and one revision with its actor; the
 * {@link #current()} snapshot is replaced only after the change committed.
 *
 * <p>Changes are serialised by this object's lock, so two concurrent applies cannot diff against the same
 * old state. Across several nodes on one PostgreSQL database, a change is written only if the stored latest
 * revision is still the one it was prepared against (otherwise 409, try again), and {@link #refresh()}, run
 * every second by the node's refresher, swaps in a revision another node applied.
 */
public final class ConfigService {
    private static final Logger log = LoggerFactory.getLogger(ConfigService.class);

    /** Class-path resource of the demo organisation that {@code serve --demo} loads. */
    public static final String DEMO_ORGANISATION = "/demo/organisation.yaml";

    /**
     * How often a start-up apply is tried when another node writes a revision at the same moment: nodes started
     * together with the same {@code --config} file race, and the loser simply diffs again (and finds nothing new).
     */
    static final int START_ATTEMPTS = 3;

    private final Database database;
    private final Clock clock;
    private volatile Organisation current;
    private final List<Runnable> appliedListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** The stored objects and the latest revision when reading began (the objects are at least that new). */
    private record Base(long revision, List<Stored> objects) {
        Snapshot snapshot() {
            return new Snapshot(new Document(objects.stream().map(Stored::entry).toList()), revision);
        }
    }

    public ConfigService(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
        this.current = readStored().snapshot();
    }

    /**
     * Swaps in the stored latest revision if another node applied one since this node's snapshot: one
     * {@code MAX(id)} read when nothing changed. Returns whether the snapshot changed.
     */
    public boolean refresh() {
        // The common case (nothing new) takes no lock, so the refresher never waits behind a long apply here.
        long latest = database.jdbi().withHandle(ConfigStore::latestRevision);
        if (latest <= current.revision()) return false;
        synchronized (this) {
            if (latest <= current.revision()) return false;
            Snapshot snapshot = readStored().snapshot();
            current = snapshot;
            log.info("configuration revision {} (applied on another node) is now in force", snapshot.revision());
            return true;
        }
    }

    /**
     * The revision is read before the objects, not after: objects written by a later revision meanwhile are
     * then labelled with the older number, and the next {@link #refresh()} reads them again. The other order
     * could label old objects with the new number and never look again.
     */
    private Base readStored() {
        long revision = database.jdbi().withHandle(ConfigStore::latestRevision);
        return new Base(revision, ConfigStore.load(database.jdbi()));
    }

    /**
     * Runs {@code listener} after every change that took effect (not dry runs), once {@link #current()} is the new
     * configuration; e.g. heartbeats start the clock of a heartbeat seen for the first time.
     */
    public void onApplied(Runnable listener) {
        appliedListeners.add(listener);
    }

    /** The configuration in force now. */
    public Organisation current() {
        return current;
    }

    /**
     * Applies a YAML file at start-up ({@code serve --config FILE}), with {@code ${NAME}} taken from the server's
     * own environment and pruning on; throws {@link ConfigException} listing every problem if invalid.
     */
    public ApplyResult applyFile(Path file, Actor actor) {
        String yaml;
        try {
            yaml = Files.readString(file);
        } catch (IOException e) {
            throw new ConfigException("cannot read " + file, List.of(file + ": " + e.getMessage()));
        }
        return applyYamlOnStart(yaml, file.getFileName().toString(), System.getenv(), actor);
    }

    /**
     * Applies YAML text as the whole configuration (prune on, not a dry run): what {@code serve --demo} uses
     * for the bundled demo organisation. Like {@code apply(yaml, sourceName, env, false, true, actor)}, tried again
     * (up to {@link #START_ATTEMPTS} times) when another node wrote a revision at the same moment.
     */
    public ApplyResult applyYamlOnStart(String yaml, String sourceName, Map<String, String> env, Actor actor) {
        for (int attempt = 1; ; attempt++) {
            try {
                return apply(yaml, sourceName, env, false, true, actor);
            } catch (Refusal e) {
                if (e.kind() != Refusal.Kind.CONFLICT || attempt >= START_ATTEMPTS) throw e;
                log.info("another node changed the configuration while {} was applied; applying again", sourceName);
            }
        }
    }

    /** The bundled demo organisation (see {@link #DEMO_ORGANISATION}); needs no environment variables. */
    public ApplyResult applyDemo(Actor actor) {
        try (var in = ConfigService.class.getResourceAsStream(DEMO_ORGANISATION)) {
            if (in == null) throw new IllegalStateException(DEMO_ORGANISATION + " is missing from the jar");
            return applyYamlOnStart(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8),
                    "demo/organisation.yaml", Map.of(), actor);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + DEMO_ORGANISATION, e);
        }
    }

    /**
     * Validates {@code yaml} completely and, unless {@code dryRun}, makes it the configuration in one
     * transaction. With {@code prune}, objects missing from the file are removed; without, they are kept.
     *
     * @throws ConfigException listing every problem, one per line; nothing is changed then
     */
    public synchronized ApplyResult apply(String yaml, String sourceName, Map<String, String> env, boolean dryRun,
                                          boolean prune, Actor actor) {
        refresh();   // so a dry run or a no-op answers with the latest revision, wherever it was applied
        Problems problems = Problems.of(sourceName);
        Map<Entry, String> paths = new IdentityHashMap<>();
        ParseContext context = new ParseContext(problems, env);
        Document document = DocumentParser.parse(yaml, context, paths);
        Base base = readStored();
        List<Stored> before = base.objects();
        Set<String> kept = new HashSet<>();
        if (!prune) {
            for (Stored object : before) {
                if (document.find(object.entry().kind(), object.entry().id()).isEmpty()) {
                    document = document.with(object.entry());
                    kept.add(Diff.key(object));
                }
            }
        }
        CrossChecks.check(document, problems, entry -> paths.getOrDefault(entry, pathById(entry)), context.elementPaths());
        if (!problems.isEmpty()) throw ConfigException.of(problems);
        return commit(base.revision(), before, document, kept, dryRun, actor, sourceName);
    }

    /** The configuration in force as YAML that re-applies without changes; secrets as placeholders. */
    public String exportYaml() {
        return Exporter.yaml(current.document());
    }

    /** Objects of a kind as the API shows them: the YAML shape, secrets masked. */
    public List<Map<String, Object>> list(Kind kind) {
        return current.document().entries(kind).stream().map(entry -> Sections.write(entry, SecretStyle.MASKED)).toList();
    }

    public Optional<Map<String, Object>> get(Kind kind, String id) {
        return current.document().find(kind, id).map(entry -> Sections.write(entry, SecretStyle.MASKED));
    }

    /**
     * Creates or replaces one object from a JSON body in the YAML shape, validated against the whole
     * configuration. A secret given as {@code "***"} keeps the stored secret, so a read-modify-write works.
     */
    /** Heartbeat edits as {@code heartbeat/} asks for them: the generic put and delete of kind heartbeat. */
    public dev.tocsin.heartbeat.HeartbeatEdits heartbeatEdits() {
        return new dev.tocsin.heartbeat.HeartbeatEdits() {
            @Override
            public Edit put(String id, JsonNode body, boolean createOnly, Actor actor) {
                ApplyResult result = ConfigService.this.put(Kind.HEARTBEAT, id, body, createOnly, actor);
                return new Edit(result.revision(), result.changes());
            }

            @Override
            public Edit delete(String id, Actor actor) {
                ApplyResult result = ConfigService.this.delete(Kind.HEARTBEAT, id, actor);
                return new Edit(result.revision(), result.changes());
            }
        };
    }

    public ApplyResult put(Kind kind, String id, JsonNode body, boolean createOnly, Actor actor) {
        return put(kind, id, body, createOnly, actor, "api");
    }

    /**
     * Like {@link #put(Kind, String, JsonNode, boolean, Actor)}, recording where the edit came from in the
     * revision ({@code api}, {@code web}, …).
     */
    public synchronized ApplyResult put(Kind kind, String id, JsonNode body, boolean createOnly, Actor actor, String source) {
        refresh();   // the edit starts from the latest revision, wherever it was applied
        Optional<Entry> existing = current.document().find(kind, id);
        if (createOnly && existing.isPresent()) {
            throw Refusal.conflict(kind.singular() + " '" + id + "' already exists; use PUT to replace it");
        }
        Problems problems = Problems.withoutLines();
        Entry entry = ObjectBodies.parse(kind, id, body, existing.orElse(null), problems);
        Document document = current.document().with(entry);
        CrossChecks.check(document, problems, ConfigService::pathById, Map.of());
        if (!problems.isEmpty()) {
            throw new Refusal(Refusal.Kind.INVALID, "invalid_config", problems.summary() + " in " + kind.singular() + " '" + id + "'",
                    problems.formatted());
        }
        return commit(current.revision(), ConfigStore.load(database.jdbi()), document, Set.of(), false, actor, source);
    }

    /** Removes one object; refused (409) while other objects still refer to it. */
    public ApplyResult delete(Kind kind, String id, Actor actor) {
        return delete(kind, id, actor, "api");
    }

    /** Like {@link #delete(Kind, String, Actor)}, recording where the edit came from ({@code api}, {@code web}). */
    public synchronized ApplyResult delete(Kind kind, String id, Actor actor, String source) {
        refresh();
        if (current.document().find(kind, id).isEmpty()) throw Refusal.notFound(kind.singular() + " '" + id + "'");
        Document document = current.document().without(kind, id);
        Problems problems = Problems.withoutLines();
        CrossChecks.check(document, problems, ConfigService::pathById, Map.of());
        if (!problems.isEmpty()) {
            throw Refusal.conflict("cannot delete " + kind.singular() + " '" + id
                    + "': other objects still refer to it", problems.formatted());
        }
        return commit(current.revision(), ConfigStore.load(database.jdbi()), document, Set.of(), false, actor, source);
    }

    /**
     * The latest revision written by applying a whole document (a file through {@code tocsin apply}, {@code serve
     * --config} or {@code --demo}, or an API apply), if any: the next apply of that document replaces what single-object
     * edits (API, web) changed since, which the web UI warns about.
     */
    public Optional<Revision> lastDocumentApply() {
        return ConfigStore.lastRevisionNotFrom(database.jdbi(), SINGLE_OBJECT_SOURCES);
    }

    /** The notification providers that can be configured ({@code providers:} keys), in the order they are exported. */
    public static List<String> providerNames() {
        return ProviderSection.NAMES;
    }

    /** The sources single-object edits record: everything else is a whole document. */
    public static final List<String> SINGLE_OBJECT_SOURCES = List.of("api", "web");

    /** The latest revisions, newest first: who changed the configuration, when and from where. */
    public List<Revision> revisions(int limit) {
        return ConfigStore.revisions(database.jdbi(), limit);
    }

    /** @param baseRevision the revision {@code document} was prepared against; written only if still the latest */
    private ApplyResult commit(long baseRevision, List<Stored> before, Document document, Set<String> kept,
                               boolean dryRun, Actor actor, String source) {
        List<Stored> after = document.entries().stream().map(Stored::of).toList();
        List<Change> changes = Diff.compute(before, after, kept);
        int unchanged = after.size() - changes.stream().filter(change -> !change.change().equals(Change.REMOVED)).toList().size();
        boolean effective = changes.stream().anyMatch(change -> !change.change().equals(Change.KEPT));
        if (dryRun) return new ApplyResult(false, true, current.revision(), changes, unchanged);
        if (!effective) {
            // Another node may have committed this very configuration since refresh(): before readStored() (the
            // base is then newer than the snapshot in force) or while it read (the objects read are already that
            // revision's though the base is labelled older). Either way take up the latest before answering.
            refresh();
            return new ApplyResult(true, false, current.revision(), changes, unchanged);
        }
        long now = clock.millis();
        long revision = database.writeAndWait(handle -> ConfigStore.write(handle, baseRevision, after, changes, actor, source, now));
        current = new Snapshot(document, revision);
        log.info("configuration revision {} applied by {} from {}: {}", revision, actor, source, Change.summary(changes));
        for (Runnable listener : appliedListeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                // The configuration is committed; a follower's failure must not make the apply look failed.
                log.error("after applying configuration revision {}", revision, e);
            }
        }
        return new ApplyResult(true, false, revision, changes, unchanged);
    }

    static String pathById(Entry entry) {
        if (entry.kind().named()) return entry.kind().section() + "." + entry.id();
        return entry.kind().section() + "[" + entry.id() + "]";
    }
}
