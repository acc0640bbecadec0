package dev.tocsin.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tocsin.config.ApplyResult;
import dev.tocsin.config.ConfigService;
import dev.tocsin.config.Kind;
import dev.tocsin.config.Organisation;
import dev.tocsin.refusal.Refusal;
import dev.tocsin.json.Json;
import dev.tocsin.schedule.FixedShift;
import dev.tocsin.schedule.Schedule;
import dev.tocsin.trace.Actor;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Imports an iCalendar file or URL into a schedule as a layer of fixed shifts, through the configuration:
 * the layer ({@code shifts: [...]}) is written into the schedule like any API edit (a new revision, visible in
 * {@code tocsin export}), so the configuration stays the one source of truth. Importing again replaces the
 * layer, which is how a calendar is refreshed.
 */
public final class CalendarImports {
    /** Shifts that ended more than this long ago are not imported: they no longer decide anything. */
    public static final Duration IMPORT_PAST = Duration.ofDays(28);
    /** Recurring events are expanded this far ahead; import again (e.g. nightly) to extend. */
    public static final Duration IMPORT_AHEAD = Duration.ofDays(366);
    public static final int MAX_BYTES = 5 * 1024 * 1024;
    public static final Duration FETCH_TIMEOUT = Duration.ofSeconds(15);

    /** What an import did (or, dry, would do). */
    public record Outcome(String scheduleId, String layer, List<FixedShift> shifts, List<String> skipped,
                          boolean applied, Long revision) {
    }

    private final ConfigService config;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(FETCH_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    public CalendarImports(ConfigService config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    public Outcome importInto(String scheduleId, String layerName, Integer priority, String ics, boolean dryRun, Actor actor) {
        Organisation organisation = config.current();
        Schedule schedule = organisation.schedule(scheduleId)
                .orElseThrow(() -> Refusal.notFound("schedule '" + scheduleId + "'"));
        Instant now = clock.instant();
        IcalImport.Result result;
        try {
            result = IcalImport.read(ics, organisation, schedule.timezone(), now.minus(IMPORT_PAST), now.plus(IMPORT_AHEAD));
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid(e.getMessage());
        }
        if (dryRun) return new Outcome(scheduleId, layerName, result.shifts(), result.skipped(), false, null);
        ObjectNode body = Json.mapper().valueToTree(config.get(Kind.SCHEDULE, scheduleId).orElseThrow());
        ArrayNode layers = body.withArray("layers");
        ObjectNode layer = Json.mapper().createObjectNode().put("name", layerName);
        int replace = -1;
        for (int index = 0; index < layers.size(); index++) {
            JsonNode existing = layers.get(index);
            if (!layerName.equals(existing.path("name").asText())) continue;
            if (existing.has("rotation")) {
                throw Refusal.conflict("layer '" + layerName + "' of schedule '" + scheduleId
                        + "' is a rotation; import into a new layer name");
            }
            replace = index;
            if (existing.has("priority")) layer.set("priority", existing.get("priority"));
        }
        if (priority != null) layer.put("priority", priority);
        ArrayNode shifts = layer.putArray("shifts");
        for (FixedShift shift : result.shifts()) {
            shifts.addObject().put("user", shift.userId()).put("start", shift.start().toString()).put("end", shift.end().toString());
        }
        if (replace >= 0) layers.set(replace, layer);
        else layers.add(layer);
        ApplyResult applied = config.put(Kind.SCHEDULE, scheduleId, body, false, actor);
        return new Outcome(scheduleId, layerName, result.shifts(), result.skipped(), applied.applied(), applied.revision());
    }

    /** Fetches a calendar over HTTP(S) ({@code webcal://} is read as https), at most {@link #MAX_BYTES}. */
    public String fetch(String url) {
        URI uri;
        try {
            uri = URI.create(url.startsWith("webcal://") ? "https://" + url.substring("webcal://".length()) : url);
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid("url: '" + url + "' is not a URL");
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw Refusal.invalid("url: only http, https and webcal URLs can be imported");
        }
        try {
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(uri).timeout(FETCH_TIMEOUT)
                    .header("Accept", "text/calendar").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                byte[] bytes = in.readNBytes(MAX_BYTES + 1);
                if (response.statusCode() != 200) {
                    throw Refusal.upstreamFailed("import_failed", "fetching " + uri + " answered " + response.statusCode());
                }
                if (bytes.length > MAX_BYTES) throw Refusal.invalid("the calendar at " + uri + " is over 5 MB");
                return new String(bytes, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw Refusal.upstreamFailed("import_failed", "cannot fetch " + uri + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Refusal.unavailable("interrupted while fetching " + uri);
        }
    }

    static Map<String, Object> describe(Outcome outcome) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("schedule_id", outcome.scheduleId());
        body.put("layer", outcome.layer());
        body.put("applied", outcome.applied());
        body.put("revision", outcome.revision());
        body.put("shift_count", outcome.shifts().size());
        body.put("shifts", outcome.shifts());
        body.put("skipped", outcome.skipped());
        return body;
    }
}
