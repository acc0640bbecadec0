package dev.tocsin.migrate.opsgenie;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tocsin.migrate.JsonHttp;
import dev.tocsin.migrate.Progress;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Opsgenie's REST API v2, read only: the endpoints the import needs, with the users list paged
 * ({@code offset}/{@code limit}, the only paged list) and optional endpoints (heartbeats, forwarding rules,
 * maintenance) skipped when the key may not read them.
 */
final class OpsgenieApi {
    /** Opsgenie's default page size, which is also its maximum for users. */
    static final int PAGE_SIZE = 100;

    private final JsonHttp http;

    OpsgenieApi(JsonHttp http) {
        this.http = http;
    }

    List<JsonNode> users(Progress progress) {
        List<JsonNode> users = new ArrayList<>();
        for (int offset = 0; ; offset += PAGE_SIZE) {
            JsonNode page = http.get("/v2/users?limit=" + PAGE_SIZE + "&offset=" + offset + "&sort=username&order=asc");
            page.path("data").forEach(users::add);
            int total = page.path("totalCount").asInt(users.size());
            progress.step("users " + users.size() + "/" + total);
            boolean more = page.path("paging").hasNonNull("next") && page.path("data").size() > 0;
            if (!more || users.size() >= total) return users;
        }
    }

    JsonNode user(String id) {
        return http.get("/v2/users/" + encode(id) + "?expand=contact").path("data");
    }

    /** Each rule in full (the list holds only their headers). */
    List<JsonNode> notificationRules(String userId) {
        List<JsonNode> rules = new ArrayList<>();
        for (JsonNode header : http.get("/v2/users/" + encode(userId) + "/notification-rules").path("data")) {
            rules.add(http.get("/v2/users/" + encode(userId) + "/notification-rules/" + encode(header.path("id").asText()))
                    .path("data"));
        }
        return rules;
    }

    /** Each team in full, with its members. */
    List<JsonNode> teams() {
        List<JsonNode> teams = new ArrayList<>();
        for (JsonNode header : http.get("/v2/teams").path("data")) {
            teams.add(http.get("/v2/teams/" + encode(header.path("id").asText()) + "?identifierType=id").path("data"));
        }
        return teams;
    }

    List<JsonNode> routingRules(String teamId) {
        return list(http.get("/v2/teams/" + encode(teamId) + "/routing-rules?teamIdentifierType=id").path("data"));
    }

    List<JsonNode> schedules() {
        return list(http.get("/v2/schedules?expand=rotation").path("data"));
    }

    List<JsonNode> overrides(String scheduleId) {
        return list(http.get("/v2/schedules/" + encode(scheduleId) + "/overrides?scheduleIdentifierType=id").path("data"));
    }

    List<JsonNode> escalations() {
        return list(http.get("/v2/escalations").path("data"));
    }

    /** Each integration in full (the API key is only in the single read, where the key may see it). */
    List<JsonNode> integrations() {
        List<JsonNode> integrations = new ArrayList<>();
        for (JsonNode header : http.get("/v2/integrations").path("data")) {
            integrations.add(http.get("/v2/integrations/" + encode(header.path("id").asText())).path("data"));
        }
        return integrations;
    }

    List<JsonNode> heartbeats() {
        return optional("/v2/heartbeats", "heartbeats");
    }

    List<JsonNode> forwardingRules() {
        return optional("/v2/forwarding-rules", null);
    }

    List<JsonNode> maintenance() {
        return optional("/v1/maintenance?type=all", null);
    }

    /** The schedule's timeline ({@code finalTimeline} and the rest) for {@code weeks} weeks from {@code from}. */
    JsonNode timeline(String scheduleId, Instant from, int weeks) {
        return http.get("/v2/schedules/" + encode(scheduleId) + "/timeline?identifierType=id&date=" + encode(from.toString())
                + "&interval=" + weeks + "&intervalUnit=weeks").path("data");
    }

    private List<JsonNode> optional(String path, String field) {
        try {
            JsonNode data = http.get(path).path("data");
            return list(field == null ? data : data.path(field));
        } catch (JsonHttp.Failure failure) {
            if (failure.status() == 403 || failure.status() == 404) return List.of();
            throw failure;
        }
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
