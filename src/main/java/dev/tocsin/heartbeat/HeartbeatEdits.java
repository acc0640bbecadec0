package dev.tocsin.heartbeat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tocsin.trace.Actor;

import java.util.List;

/**
 * Creating, replacing and deleting a heartbeat: an edit of the configuration (validated against the whole
 * organisation, one revision each). The configuration implements it; heartbeats do not know how it is stored.
 */
public interface HeartbeatEdits {
    /** The revision now in force and what changed (the configuration's change records). */
    record Edit(long revision, List<?> changes) {
    }

    /** Creates ({@code createOnly}) or replaces the heartbeat {@code id} with {@code body}. */
    Edit put(String id, JsonNode body, boolean createOnly, Actor actor);

    Edit delete(String id, Actor actor);
}
