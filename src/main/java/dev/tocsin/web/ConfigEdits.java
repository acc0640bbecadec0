package dev.tocsin.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tocsin.config.ApplyResult;
import dev.tocsin.config.ConfigService;
import dev.tocsin.config.Kind;
import dev.tocsin.config.Revision;
import dev.tocsin.json.Json;
import dev.tocsin.login.WebSession;
import dev.tocsin.refusal.Refusal;

import java.util.List;
import java.util.Optional;

/**
 * Pages that change the configuration (people, teams, escalation policies) do it through the same single-object
 * edit as the API ({@code PUT /api/v1/config/…}): the object in its YAML shape, validated against the whole
 * configuration, one revision recorded with the signed-in person and the source {@code web}. Admins edit
 * everything; a person edits their own user (contact methods, notification rules, profile).
 */
final class ConfigEdits {
    static final String SOURCE = "web";

    private final ConfigService config;
    private final WebAuth auth;

    ConfigEdits(ConfigService config, WebAuth auth) {
        this.config = config;
        this.auth = auth;
    }

    /** The object as stored, in its YAML shape with secrets masked ({@code ***}), ready to be changed and put back. */
    ObjectNode read(Kind kind, String id) {
        return config.get(kind, id).map(map -> (ObjectNode) Json.mapper().valueToTree(map))
                .orElseThrow(() -> Refusal.notFound(kind.singular().replace('_', ' ') + " '" + id + "'"));
    }

    /**
     * Writes one object (created when {@code create}); refused ({@link Refusal}, kind INVALID with one detail per
     * problem as {@code path: reason}) when it would make the configuration invalid; nothing is changed then.
     * Admins write anything; a person writes their own user object ({@link WebAuth#requireSelfOrAdmin}).
     */
    ApplyResult write(WebSession session, Kind kind, String id, JsonNode body, boolean create) {
        if (kind == Kind.USER && !create) {
            auth.requireSelfOrAdmin(session, id);
        } else {
            auth.requireRole(session, dev.tocsin.auth.Role.ADMIN);
        }
        return config.put(kind, id, body, create, session.principal().actor(), SOURCE);
    }

    /** Removes one object (admins only); refused while other objects still refer to it. */
    ApplyResult remove(WebSession session, Kind kind, String id) {
        auth.requireRole(session, dev.tocsin.auth.Role.ADMIN);
        return config.delete(kind, id, session.principal().actor(), SOURCE);
    }

    /** The ids of the configured objects of a kind (for providers: their names, {@code twilio}, {@code smtp}, …). */
    List<String> ids(Kind kind) {
        return config.current().document().entries(kind).stream().map(dev.tocsin.config.Entry::id).toList();
    }

    /**
     * What a page that edits the configuration says about the next whole-file apply, when the configuration was
     * applied from a file: that apply replaces these edits unless the file is changed too.
     */
    Optional<String> overwriteWarning() {
        return config.lastDocumentApply().map(ConfigEdits::warning);
    }

    static String warning(Revision revision) {
        return "This configuration was applied from " + revision.source() + " (revision " + revision.id()
                + "). Changes made here are saved at once, but the next apply of that file replaces them: "
                + "change the file too (tocsin export gives the current YAML).";
    }

    /**
     * The problems of a refused edit that concern {@code path} (a prefix such as {@code notification_rules.high[0].}),
     * each as what follows the prefix: {@code after: malformed duration 'soon'}.
     */
    static List<String> problemsAt(Refusal refusal, String path) {
        return refusal.details().stream().filter(line -> line.contains(path)).map(line -> {
            String rest = line.substring(line.indexOf(path) + path.length());
            return rest.startsWith(": ") ? rest.substring(2) : rest.startsWith(".") ? rest.substring(1) : rest;
        }).toList();
    }
}
