package dev.tocsin.incident;

import dev.tocsin.urgency.Urgency;
import dev.tocsin.urgency.Severity;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tocsin.json.Json;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** Turns incident and alert rows into records, and values into columns (epoch millis, JSON text). */
final class Rows {
    private Rows() {
    }

    static Incident incident(ResultSet rs, List<String> assignees) throws SQLException {
        return new Incident(rs.getLong("id"), rs.getString("service_id"), rs.getString("title"),
                IncidentStatus.parse(rs.getString("status")).orElseThrow(),
                Urgency.valueOf(rs.getString("urgency").toUpperCase()),
                Severity.parse(rs.getString("severity")).orElse(Severity.ERROR),
                instant(rs, "created_at"), instant(rs, "updated_at"), instant(rs, "acknowledged_at"),
                rs.getString("acknowledged_by"), instant(rs, "resolved_at"), rs.getString("resolved_by"),
                rs.getInt("alert_count"), rs.getInt("open_alerts"), assignees);
    }

    static Alert alert(ResultSet rs) throws SQLException {
        return new Alert(rs.getLong("id"), rs.getLong("incident_id"), rs.getString("service_id"),
                rs.getString("integration_key"), rs.getString("dedup_key"), "open".equals(rs.getString("status")),
                rs.getString("summary"), Severity.parse(rs.getString("severity")).orElse(Severity.ERROR),
                rs.getString("source"), rs.getString("component"), rs.getString("alert_group"),
                rs.getString("alert_class"), fromJson(rs.getString("details")), links(rs.getString("links")),
                instant(rs, "created_at"), instant(rs, "updated_at"), instant(rs, "resolved_at"),
                rs.getInt("event_count"), instant(rs, "last_event_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    static String toJson(Object value) {
        if (value == null || (value instanceof JsonNode node && node.isNull())) return null;
        return Json.write(value);
    }

    static JsonNode fromJson(String text) {
        if (text == null) return null;
        try {
            return Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            return Json.mapper().getNodeFactory().textNode(text);
        }
    }

    static List<AlertEvent.Link> links(String text) {
        if (text == null) return List.of();
        try {
            return Json.mapper().readValue(text, new TypeReference<List<AlertEvent.Link>>() { });
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }
}
