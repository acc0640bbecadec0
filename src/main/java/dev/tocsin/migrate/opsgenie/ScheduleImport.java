package dev.tocsin.migrate.opsgenie;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tocsin.migrate.Ids;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Opsgenie schedules → Tocsin schedules. Each rotation becomes a layer of priority 0: Opsgenie's rotations are
 * cumulative (everyone on call in any rotation is notified), which is what layers of equal priority do. The
 * rotation's start date is the layer's anchor (its local date and time), its type × length the turn, its
 * restriction the layer's windows (a restricted turn is cut, as in Opsgenie).
 */
final class ScheduleImport {
    /** Where each rotation went: its layers' names in the Tocsin schedule. */
    final Map<String, List<String>> layersOfRotation = new LinkedHashMap<>();
    private final Mapping mapping;

    ScheduleImport(Mapping mapping) {
        this.mapping = mapping;
    }

    Map<String, Object> map(JsonNode schedule) {
        String name = schedule.path("name").asText();
        String id = mapping.scheduleIds.of(name);
        mapping.schedules.put(schedule.path("id").asText(), id);
        ZoneId zone = zone(schedule.path("timezone").asText("UTC"), name);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("name", name);
        if (!schedule.path("description").asText("").isBlank()) out.put("description", schedule.path("description").asText());
        out.put("timezone", zone.getId());
        if (!schedule.path("enabled").asBoolean(true)) {
            mapping.report.unmapped("schedule", name, "disabled", "Tocsin schedules cannot be disabled",
                    "imported as is; leave it out of escalation policies until it is used");
        }
        if (schedule.path("ownerTeam").has("name")) {
            mapping.report.unmapped("schedule", name, "owner team " + schedule.path("ownerTeam").path("name").asText(),
                    "a Tocsin schedule names no team", "its teams are those owning a service whose policy pages it");
        }
        Ids layerNames = new Ids();
        List<Map<String, Object>> layers = new ArrayList<>();
        for (JsonNode rotation : schedule.path("rotations")) layers.addAll(rotation(name, zone, rotation, layerNames));
        out.put("layers", layers);
        mapping.report.mapped("schedule", name, "schedule " + id + " (" + layers.size()
                + " layers of equal priority: Opsgenie rotations are cumulative)");
        return out;
    }

    private List<Map<String, Object>> rotation(String schedule, ZoneId zone, JsonNode rotation, Ids layerNames) {
        String name = rotation.path("name").asText("rotation");
        String source = schedule + " / " + name;
        List<Map<String, Object>> layers = new ArrayList<>();
        List<String> layerNamesOfRotation = new ArrayList<>();
        layersOfRotation.put(rotation.path("id").asText(), layerNamesOfRotation);
        Duration turn = turn(rotation);
        LocalDateTime anchor = OffsetDateTime.parse(rotation.path("startDate").asText()).atZoneSameInstant(zone).toLocalDateTime();
        List<Object> slots = new ArrayList<>();
        for (JsonNode participant : rotation.path("participants")) slots.add(participant(source, participant));
        if (slots.stream().allMatch(slot -> slot == null)) {
            mapping.report.unmapped("rotation", source, "no participants Tocsin can page", "nobody to put on call", "not imported");
            return layers;
        }
        Object only = restriction(source, rotation.path("timeRestriction"));
        String ends = ends(source, rotation, zone);
        if (slots.contains(null)) {
            // A Tocsin layer has no empty turn: a layer per filled slot turning every n turns would keep its person
            // on call through the empty turns. Left out, with the consequence named, rather than approximated silently.
            mapping.report.unmapped("rotation", source, "empty turns (" + slots.stream().filter(slot -> slot == null).count()
                            + " of " + slots.size() + " participants are nobody, a team without members or an escalation)",
                    "a Tocsin rotation has no empty turn", "the empty turns are left out, so the others come round sooner; "
                            + "model the gaps with a window (only:) or overrides");
            slots.removeIf(slot -> slot == null);
        }
        String layerName = layerNames.of(name);
        layers.add(layer(layerName, turn, anchor, ends, slots, only));
        layerNamesOfRotation.add(layerName);
        mapping.report.mapped("rotation", source, "layer " + layerNamesOfRotation.get(0));
        return layers;
    }

    private static Map<String, Object> layer(String name, Duration every, LocalDateTime anchor, String ends, List<Object> users,
                                             Object only) {
        Map<String, Object> rotation = new LinkedHashMap<>();
        rotation.put("every", Durations.text(every.toMinutes()));
        rotation.put("handoff", clock(anchor.toLocalTime()));
        rotation.put("starts", anchor.toLocalDate().toString());
        if (ends != null) rotation.put("ends", ends);
        Map<String, Object> layer = new LinkedHashMap<>();
        layer.put("name", name);
        layer.put("priority", 0);
        layer.put("rotation", rotation);
        layer.put("users", users);
        if (only != null) layer.put("only", only);
        return layer;
    }

    private Duration turn(JsonNode rotation) {
        long length = Math.max(1, rotation.path("length").asLong(1));
        return switch (rotation.path("type").asText("weekly")) {
            case "hourly" -> Duration.ofHours(length);
            case "daily" -> Duration.ofDays(length);
            default -> Duration.ofDays(7 * length);
        };
    }

    /** A user id, a group (a team's members), or null for a slot with nobody. */
    private Object participant(String source, JsonNode participant) {
        String type = participant.path("type").asText();
        switch (type) {
            case "user" -> {
                String user = mapping.user(participant.path("id").asText());
                if (user == null) user = mapping.user(participant.path("username").asText());
                if (user != null) return user;
                mapping.report.unmapped("rotation", source, "unknown user " + participant, "not among the users read", "an empty turn");
                return null;
            }
            case "team" -> {
                String team = mapping.team(participant.path("id").asText());
                if (team == null) team = mapping.team(participant.path("name").asText());
                List<String> members = team == null ? List.of() : List.copyOf(mapping.teamMembers.getOrDefault(team, java.util.Set.of()));
                mapping.report.unmapped("rotation", source, "team participant " + participant.path("name").asText(team),
                        "Opsgenie notifies the team (by its routing); a Tocsin turn holds users",
                        members.isEmpty() ? "an empty turn (the team has no members)" : "the team's members on call together: " + members);
                return members.isEmpty() ? null : members;
            }
            case "none" -> {
                return null;
            }
            default -> {
                mapping.report.unmapped("rotation", source, type + " participant " + participant.path("name").asText(),
                        "a Tocsin turn holds users only", "an empty turn; page that escalation policy from a level instead");
                return null;
            }
        }
    }

    private Object restriction(String source, JsonNode restriction) {
        if (restriction.isMissingNode() || restriction.isNull() || restriction.isEmpty()) return null;
        String type = restriction.path("type").asText();
        if (type.equals("time-of-day")) {
            JsonNode r = restriction.path("restriction");
            return time(r.path("startHour").asInt(), r.path("startMin").asInt()) + "-" + time(r.path("endHour").asInt(), r.path("endMin").asInt());
        }
        List<String> windows = new ArrayList<>();
        for (JsonNode r : restriction.path("restrictions")) {
            String startDay = day(r.path("startDay").asText());
            String endDay = day(r.path("endDay").asText());
            String start = time(r.path("startHour").asInt(), r.path("startMin").asInt());
            String end = time(r.path("endHour").asInt(), r.path("endMin").asInt());
            if (startDay.equals(endDay) && start.equals(end)) {
                mapping.report.unmapped("rotation", source, "restriction " + r, "a window that starts where it ends", "left out");
                continue;
            }
            windows.add(startDay + " " + start + " - " + endDay + " " + end);
        }
        return windows.isEmpty() ? null : windows;
    }

    private String ends(String source, JsonNode rotation, ZoneId zone) {
        String end = rotation.path("endDate").asText("");
        if (end.isEmpty()) return null;
        LocalDateTime local = OffsetDateTime.parse(end).atZoneSameInstant(zone).toLocalDateTime();
        if (local.toLocalTime().equals(LocalTime.MIDNIGHT)) return local.toLocalDate().toString();
        mapping.report.unmapped("rotation", source, "end " + end, "a Tocsin layer ends at midnight (a date)",
                "ends at the following midnight, " + local.toLocalDate().plusDays(1));
        return local.toLocalDate().plusDays(1).toString();
    }

    private ZoneId zone(String text, String schedule) {
        try {
            return ZoneId.of(text);
        } catch (RuntimeException e) {
            mapping.report.unmapped("schedule", schedule, "timezone " + text, "not an IANA time zone", "UTC");
            return ZoneId.of("UTC");
        }
    }

    private static String time(int hour, int minute) {
        return String.format(Locale.ROOT, "%02d:%02d", hour, minute);
    }

    private static String clock(LocalTime time) {
        return time(time.getHour(), time.getMinute());
    }

    private static String day(String opsgenieDay) {
        String day = opsgenieDay.toLowerCase(Locale.ROOT);
        return day.isEmpty() ? "Mon" : Character.toUpperCase(day.charAt(0)) + day.substring(1, Math.min(3, day.length()));
    }
}
