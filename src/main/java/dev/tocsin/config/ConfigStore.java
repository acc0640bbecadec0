package dev.tocsin.config;

import dev.tocsin.refusal.Refusal;
import dev.tocsin.json.Json;
import dev.tocsin.store.Generations;
import dev.tocsin.trace.Actor;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads and writes configured objects, their secrets and the revision log. */
final class ConfigStore {
    /** The {@link Generations} row every configuration write bumps first: a lock across nodes. */
    static final String WRITE_LOCK = "config_writes";

    private ConfigStore() {
    }

    static List<Stored> load(Jdbi jdbi) {
        return jdbi.withHandle(ConfigStore::load);
    }

    static List<Stored> load(Handle handle) {
        Map<String, Map<String, String>> secrets = new HashMap<>();
        handle.createQuery("SELECT kind, id, name, value FROM config_secrets").map((rs, ctx) -> {
            secrets.computeIfAbsent(rs.getString("kind") + "/" + rs.getString("id"), key -> new HashMap<>())
                    .put(rs.getString("name"), rs.getString("value"));
            return null;
        }).list();
        List<Stored> stored = new ArrayList<>();
        handle.createQuery("SELECT kind, id, body FROM config_objects ORDER BY position, kind, id").map((rs, ctx) -> {
            Kind kind = Kind.ofSingular(rs.getString("kind")).orElseThrow(
                    () -> new IllegalStateException("unknown configuration kind in database"));
            String id = rs.getString("id");
            stored.add(Stored.load(kind, id, rs.getString("body"), secrets.getOrDefault(kind.singular() + "/" + id, Map.of())));
            return null;
        }).list();
        return stored;
    }

    static long latestRevision(Handle handle) {
        Long latest = handle.createQuery("SELECT MAX(id) FROM config_revisions").mapTo(Long.class).one();
        return latest == null ? 0 : latest;
    }

    /**
     * Writes {@code after} over {@code before} (created, changed and removed objects, positions of the rest)
     * and records the revision; returns the revision number. Runs inside the caller's transaction.
     *
     * @throws Refusal 409 if another node wrote a revision after {@code baseRevision}, the one the change was
     *                      prepared against: writing it would silently undo that revision
     */
    static long write(Handle handle, long baseRevision, List<Stored> after, List<Change> changes, Actor actor,
                      String source, long now) {
        // Bumping the row first holds its lock until commit, so configuration writers on several nodes take
        // turns, and the check below reads what the previous writer committed.
        Generations.bump(handle, WRITE_LOCK);
        long latest = latestRevision(handle);
        if (latest != baseRevision) {
            throw Refusal.conflict("the configuration changed meanwhile (revision " + latest
                    + " was applied, this change was prepared against revision " + baseRevision + "); try again");
        }
        handle.createUpdate("""
                        INSERT INTO config_revisions (applied_at, actor, source, summary, changes)
                        VALUES (:at, :actor, :source, :summary, :changes)""")
                .bind("at", now).bind("actor", actor.toString()).bind("source", source)
                .bind("summary", Change.summary(changes)).bind("changes", Json.write(changes))
                .execute();
        long revision = latestRevision(handle);
        Map<String, Change> byObject = new HashMap<>();
        for (Change change : changes) byObject.put(change.kind() + "/" + change.id(), change);
        for (Change change : changes) {
            if (change.change().equals(Change.REMOVED)) delete(handle, change.kind(), change.id());
        }
        for (int position = 0; position < after.size(); position++) {
            Stored object = after.get(position);
            Change change = byObject.get(object.entry().kind().singular() + "/" + object.entry().id());
            if (change != null && (change.change().equals(Change.CREATED) || change.change().equals(Change.CHANGED))) {
                delete(handle, change.kind(), change.id());
                insert(handle, object, position, revision, now);
            } else {
                handle.createUpdate("UPDATE config_objects SET position = :position WHERE kind = :kind AND id = :id")
                        .bind("position", position).bind("kind", object.entry().kind().singular())
                        .bind("id", object.entry().id()).execute();
            }
        }
        return revision;
    }

    private static void delete(Handle handle, String kind, String id) {
        handle.createUpdate("DELETE FROM config_objects WHERE kind = :kind AND id = :id").bind("kind", kind).bind("id", id).execute();
        handle.createUpdate("DELETE FROM config_secrets WHERE kind = :kind AND id = :id").bind("kind", kind).bind("id", id).execute();
    }

    private static void insert(Handle handle, Stored object, int position, long revision, long now) {
        String kind = object.entry().kind().singular();
        handle.createUpdate("""
                        INSERT INTO config_objects (kind, id, position, body, revision, updated_at)
                        VALUES (:kind, :id, :position, :body, :revision, :now)""")
                .bind("kind", kind).bind("id", object.entry().id()).bind("position", position)
                .bind("body", object.body()).bind("revision", revision).bind("now", now).execute();
        for (Map.Entry<String, String> secret : object.secrets().entrySet()) {
            handle.createUpdate("INSERT INTO config_secrets (kind, id, name, value) VALUES (:kind, :id, :name, :value)")
                    .bind("kind", kind).bind("id", object.entry().id())
                    .bind("name", secret.getKey()).bind("value", secret.getValue()).execute();
        }
    }

    /** The revision log, newest first. */
    static List<Revision> revisions(Jdbi jdbi, int limit) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT id, applied_at, actor, source, summary FROM config_revisions ORDER BY id DESC LIMIT :limit""")
                .bind("limit", limit)
                .map((rs, ctx) -> new Revision(rs.getLong("id"), java.time.Instant.ofEpochMilli(rs.getLong("applied_at")),
                        rs.getString("actor"), rs.getString("source"), rs.getString("summary")))
                .list());
    }

    /** The newest revision whose source is none of {@code sources}. */
    static java.util.Optional<Revision> lastRevisionNotFrom(Jdbi jdbi, List<String> sources) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT id, applied_at, actor, source, summary FROM config_revisions
                        WHERE source NOT IN (<sources>) ORDER BY id DESC LIMIT 1""")
                .bindList("sources", sources)
                .map((rs, ctx) -> new Revision(rs.getLong("id"), java.time.Instant.ofEpochMilli(rs.getLong("applied_at")),
                        rs.getString("actor"), rs.getString("source"), rs.getString("summary")))
                .findOne());
    }
}
