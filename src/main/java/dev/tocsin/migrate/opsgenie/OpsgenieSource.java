package dev.tocsin.migrate.opsgenie;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tocsin.config.ConfigException;
import dev.tocsin.config.ConfigFiles;
import dev.tocsin.config.Document;
import dev.tocsin.migrate.ImportedSchedule;
import dev.tocsin.migrate.JsonHttp;
import dev.tocsin.migrate.Migration;
import dev.tocsin.migrate.MigrationYaml;
import dev.tocsin.migrate.PlannedOverride;
import dev.tocsin.migrate.Progress;
import dev.tocsin.migrate.Source;
import dev.tocsin.migrate.SourcePeriod;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Opsgenie as a migration source: reads users, teams, schedules (with overrides of the next
 * {@link #OVERRIDES_AHEAD}), escalations, integrations and heartbeats through the REST API v2 and maps them;
 * its schedule timelines ({@code finalTimeline}) are the ground truth of the equivalence check.
 */
public final class OpsgenieSource implements Source {
    /** How far ahead overrides are carried over. */
    public static final Duration OVERRIDES_AHEAD = Duration.ofDays(90);
    /** Opsgenie's API host; the EU one is {@code https://api.eu.opsgenie.com}. */
    public static final String DEFAULT_API_URL = "https://api.opsgenie.com";

    private final OpsgenieApi api;
    private final Instant now;

    /** @param now the import's "now": overrides are read from it on */
    public OpsgenieSource(String apiUrl, String apiKey, JsonHttp.Sleeper sleeper, Instant now) {
        this.api = new OpsgenieApi(new JsonHttp(apiUrl, "GenieKey " + apiKey, sleeper));
        this.now = now;
    }

    @Override
    public String name() {
        return "opsgenie";
    }

    @Override
    public Migration read(Progress progress) {
        Mapping mapping = new Mapping();
        UserImport users = new UserImport(mapping);
        TeamImport teams = new TeamImport(mapping);
        ScheduleImport schedules = new ScheduleImport(mapping);
        EscalationImport escalations = new EscalationImport(mapping);
        ServiceImport services = new ServiceImport(mapping);

        List<JsonNode> userList = api.users(progress);
        userList.forEach(users::name);
        List<JsonNode> teamList = api.teams();
        teamList.forEach(teams::name);
        Map<String, Object> configuration = new LinkedHashMap<>();
        List<Object> userOut = new ArrayList<>();
        int done = 0;
        for (JsonNode header : userList) {
            String id = header.path("id").asText();
            userOut.add(users.map(api.user(id), api.notificationRules(id)));
            progress.step("user details " + ++done + "/" + userList.size());
        }
        configuration.put("users", userOut);
        List<Object> teamOut = new ArrayList<>();
        for (JsonNode team : teamList) teamOut.add(teams.map(team));
        if (!teamOut.isEmpty()) configuration.put("teams", teamOut);

        progress.step("schedules");
        List<JsonNode> scheduleList = api.schedules();
        List<ImportedSchedule> imported = new ArrayList<>();
        List<Object> scheduleOut = new ArrayList<>();
        for (JsonNode schedule : scheduleList) {
            Map<String, Object> mapped = schedules.map(schedule);
            scheduleOut.add(mapped);
            imported.add(new ImportedSchedule(schedule.path("id").asText(), schedule.path("name").asText(), (String) mapped.get("id")));
        }
        if (!scheduleOut.isEmpty()) configuration.put("schedules", scheduleOut);

        progress.step("escalations");
        List<Object> policyOut = new ArrayList<>();
        for (JsonNode escalation : api.escalations()) {
            Map<String, Object> policy = escalations.map(escalation);
            if (policy != null) policyOut.add(policy);
        }
        if (!policyOut.isEmpty()) configuration.put("escalation_policies", policyOut);
        for (JsonNode team : teamList) teams.routing(team, api.routingRules(team.path("id").asText()));

        progress.step("integrations");
        List<Object> serviceOut = new ArrayList<>();
        for (JsonNode integration : api.integrations()) {
            Map<String, Object> service = services.map(integration);
            if (service != null) serviceOut.add(service);
        }
        if (!serviceOut.isEmpty()) configuration.put("services", serviceOut);
        List<Object> heartbeatOut = new ArrayList<>();
        for (JsonNode heartbeat : api.heartbeats()) {
            Map<String, Object> mapped = services.heartbeat(heartbeat);
            if (mapped != null) heartbeatOut.add(mapped);
        }
        if (!heartbeatOut.isEmpty()) configuration.put("heartbeats", heartbeatOut);
        reportOthers(mapping);

        progress.step("overrides");
        List<PlannedOverride> overrides = new ArrayList<>();
        Document document = null;
        try {
            document = ConfigFiles.read(MigrationYaml.write("Opsgenie", configuration), "imported.yaml", Map.of());
        } catch (ConfigException e) {
            for (String problem : e.problems()) mapping.report.error("the written configuration does not validate: " + problem);
        }
        OverrideImport overrideImport = new OverrideImport(mapping, schedules, document);
        for (JsonNode schedule : scheduleList) {
            String scheduleId = mapping.schedules.get(schedule.path("id").asText());
            for (JsonNode override : api.overrides(schedule.path("id").asText())) {
                overrides.addAll(overrideImport.map(scheduleId, schedule, override, now, now.plus(OVERRIDES_AHEAD)));
            }
        }
        progress.step("");
        return new Migration(configuration, imported, overrides, mapping.people(), mapping.report);
    }

    private void reportOthers(Mapping mapping) {
        for (JsonNode rule : api.forwardingRules()) {
            String from = rule.path("fromUser").path("username").asText();
            String to = rule.path("toUser").path("username").asText();
            mapping.report.mapped("forwarding rule", from + " → " + to, "not imported");
            mapping.report.unmapped("forwarding rule", from + " → " + to + " " + rule.path("startDate").asText() + "–" + rule.path("endDate").asText(""),
                    "notification forwarding", "Tocsin has no forwarding of a person's notifications",
                    "overrides replacing " + from + " in their schedules for that time");
        }
        for (JsonNode window : api.maintenance()) {
            String name = window.path("description").asText(window.path("id").asText());
            mapping.report.mapped("maintenance", name, "not imported");
            mapping.report.unmapped("maintenance", name + " (" + window.path("status").asText() + ")", "maintenance window",
                    "maintenance is not part of the imported configuration", "recreate it in Tocsin if it is still planned");
        }
    }

    @Override
    public List<SourcePeriod> finalTimeline(Migration migration, ImportedSchedule schedule, Instant from, Instant to) {
        int weeks = (int) Math.max(1, -Math.floorDiv(-Duration.between(from, to).toDays(), 7)) + 1;
        JsonNode timeline = api.timeline(schedule.sourceId(), from, weeks);
        List<SourcePeriod> periods = new ArrayList<>();
        for (JsonNode rotation : timeline.path("finalTimeline").path("rotations")) {
            for (JsonNode period : rotation.path("periods")) {
                Instant start = OffsetDateTime.parse(period.path("startDate").asText()).toInstant();
                Instant end = OffsetDateTime.parse(period.path("endDate").asText()).toInstant();
                if (!end.isAfter(from) || !start.isBefore(to)) continue;
                JsonNode recipient = period.path("recipient");
                if (recipient.path("type").asText().equals("none")) continue;
                Set<String> users = new LinkedHashSet<>(migration.people().getOrDefault(recipient.path("id").asText(), Set.of()));
                if (users.isEmpty()) users.addAll(migration.people().getOrDefault(recipient.path("name").asText(), Set.of()));
                if (users.isEmpty()) users.add("(" + recipient.path("type").asText() + " " + recipient.path("name").asText() + ")");
                periods.add(new SourcePeriod(start.isBefore(from) ? from : start, end.isAfter(to) ? to : end, users));
            }
        }
        return periods;
    }
}
