package dev.tocsin.config;

import dev.tocsin.schedule.FixedShift;
import dev.tocsin.schedule.Handoff;
import dev.tocsin.schedule.Layer;
import dev.tocsin.schedule.Participant;
import dev.tocsin.schedule.Rotation;
import dev.tocsin.schedule.Schedule;
import dev.tocsin.schedule.Window;
import dev.tocsin.time.Durations;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Reads and writes one entry of {@code schedules:} with its layers, rotations and windows. */
final class ScheduleSection {
    private static final Duration WEEK = Duration.ofDays(7);

    private ScheduleSection() {
    }

    static Schedule parse(Value value) {
        Fields fields = value.fields("id", "name", "description", "timezone", "layers");
        String id = fields.id("id");
        String name = fields.text("name");
        String description = fields.optionalText("description");
        var timezone = fields.required("timezone", Value::zone);
        List<Layer> layers = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Value item : fields.list("layers")) {
            Layer layer = parseLayer(item, timezone);
            if (layer.name() != null && !names.add(layer.name())) item.problem("duplicate layer name '" + layer.name() + "'");
            layers.add(layer);
        }
        return new Schedule(id, name, description, timezone, layers);
    }

    private static Layer parseLayer(Value value, ZoneId scheduleZone) {
        Fields fields = value.fields("name", "priority", "timezone", "rotation", "users", "only", "shifts");
        String name = fields.text("name");
        Integer priority = fields.optional("priority", v -> v.integer(-1_000_000, 1_000_000));
        var timezone = fields.optional("timezone", Value::zone);
        if (fields.has("shifts")) return parseFixedLayer(fields, name, priority, timezone, scheduleZone);
        Rotation rotation = fields.required("rotation", ScheduleSection::parseRotation);
        List<Participant> users = new ArrayList<>();
        Value usersValue = fields.required("users");
        if (usersValue != null) {
            List<Value> items = usersValue.items();
            if (items.isEmpty() && usersValue.isList()) usersValue.problem("a layer needs at least one user");
            for (Value item : items) {
                if (item.isList()) {
                    List<String> group = item.items().stream().map(Value::id).filter(Objects::nonNull).toList();
                    if (group.isEmpty()) item.problem("a group needs at least one user");
                    else users.add(item.context().located(new Participant(group), item));
                } else {
                    String user = item.id();
                    if (user != null) users.add(item.context().located(Participant.of(user), item));
                }
            }
        }
        List<Window> only = fields.optional("only") == null ? List.of()
                : fields.optional("only").itemsOrOne().stream().map(v -> v.as(Window::parse)).filter(Objects::nonNull).toList();
        return new Layer(name, priority, timezone, rotation, users, only);
    }

    /** A layer of fixed shifts ({@code shifts: [ {user, start, end} ]}), e.g. an imported calendar. */
    private static Layer parseFixedLayer(Fields fields, String name, Integer priority, ZoneId timezone, ZoneId scheduleZone) {
        for (String key : List.of("rotation", "users", "only")) {
            if (fields.has(key)) fields.optional(key).problem("a layer has either 'shifts' or a rotation with users, not both; remove '" + key + "'");
        }
        ZoneId zone = timezone != null ? timezone : scheduleZone;
        List<FixedShift> shifts = new ArrayList<>();
        Value list = fields.optional("shifts");
        for (Value item : list.items()) {
            Fields shift = item.fields("user", "start", "end");
            String user = shift.id("user");
            Instant start = shift.required("start", v -> v.as(text -> instant(text, zone)));
            Instant end = shift.required("end", v -> v.as(text -> instant(text, zone)));
            if (start != null && end != null && !end.isAfter(start)) {
                shift.optional("end").problem("end (" + end + ") must be after start (" + start + ")");
                continue;
            }
            if (user != null && start != null && end != null) {
                shifts.add(item.context().located(new FixedShift(user, start, end), item));
            }
        }
        return Layer.ofShifts(name, priority, timezone, shifts);
    }

    /** An instant ({@code 2027-03-01T08:00:00Z}, or with an offset) or a local date-time in the layer's zone. */
    static Instant instant(String text, ZoneId zone) {
        String trimmed = text.trim();
        try {
            return OffsetDateTime.parse(trimmed).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(trimmed).atZone(zone == null ? ZoneOffset.UTC : zone).toInstant();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + text + "' is not a time; write 2027-03-01T09:00:00Z, "
                        + "2027-03-01T09:00+01:00 or 2027-03-01T09:00 (in the layer's time zone)");
            }
        }
    }

    private static Rotation parseRotation(Value value) {
        Fields fields = value.fields("every", "handoff", "starts", "ends");
        Duration every = fields.required("every", Value::duration);
        if (every != null && every.isZero()) {
            fields.optional("every").problem("must be longer than 0");
        }
        Handoff handoff = fields.required("handoff", v -> v.as(Handoff::parse));
        if (handoff != null && handoff.day() != null && every != null && !every.isZero()
                && every.toSeconds() % WEEK.toSeconds() != 0) {
            fields.optional("handoff").problem("a weekly handoff ('" + handoff + "') needs 'every' in whole weeks, not "
                    + Durations.format(every));
        }
        var starts = fields.required("starts", Value::date);
        var ends = fields.optional("ends", Value::date);
        if (starts != null && ends != null && !ends.isAfter(starts)) {
            fields.optional("ends").problem("ends (" + ends + ") must be after starts (" + starts + ")");
        }
        return new Rotation(every, handoff, starts, ends);
    }

    static Map<String, Object> write(Schedule schedule) {
        Map<String, Object> out = Tree.map();
        Tree.plain(out, "id", schedule.id());
        Tree.text(out, "name", schedule.name());
        Tree.text(out, "description", schedule.description());
        Tree.plain(out, "timezone", schedule.timezone().getId());
        out.put("layers", schedule.layers().stream().map(ScheduleSection::writeLayer).toList());
        return out;
    }

    private static Map<String, Object> writeLayer(Layer layer) {
        Map<String, Object> out = Tree.map();
        Tree.text(out, "name", layer.name());
        Tree.plain(out, "priority", layer.priority());
        if (layer.timezone() != null) Tree.plain(out, "timezone", layer.timezone().getId());
        if (layer.isFixed()) {
            out.put("shifts", layer.shifts().stream().map(shift -> {
                Map<String, Object> item = Tree.map();
                Tree.plain(item, "user", shift.userId());
                Tree.plain(item, "start", shift.start().toString());
                Tree.plain(item, "end", shift.end().toString());
                return item;
            }).toList());
            return out;
        }
        Map<String, Object> rotation = Tree.map();
        Tree.plain(rotation, "every", Durations.format(layer.rotation().every()));
        Tree.plain(rotation, "handoff", layer.rotation().handoff());
        Tree.plain(rotation, "starts", layer.rotation().starts());
        Tree.plain(rotation, "ends", layer.rotation().ends());
        out.put("rotation", rotation);
        out.put("users", layer.users().stream()
                .map(participant -> participant.users().size() == 1 ? participant.users().get(0) : participant.users())
                .toList());
        if (layer.only().size() == 1) Tree.plain(out, "only", layer.only().get(0));
        if (layer.only().size() > 1) out.put("only", layer.only().stream().map(Window::toString).toList());
        return out;
    }
}
