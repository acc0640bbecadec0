package dev.tocsin.report;

import dev.tocsin.auth.Principal;
import dev.tocsin.auth.Role;
import dev.tocsin.config.ConfigService;
import dev.tocsin.config.Organisation;
import dev.tocsin.http.ApiException;
import dev.tocsin.http.Auth;
import dev.tocsin.http.Routes;
import dev.tocsin.oncall.OnCallService;
import dev.tocsin.schedule.Schedule;
import dev.tocsin.schedule.Shift;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /api/v1/reports/hours}: the on-call hours report as JSON or CSV. */
public final class ReportRoutes implements Routes {
    /** A bound on one report's period, so one request cannot make the server compute years of shifts. */
    public static final Duration MAX_PERIOD = Duration.ofDays(366);

    private final ConfigService config;
    private final OnCallService onCall;
    private final PageCounts pages;
    private final Auth auth;

    public ReportRoutes(ConfigService config, OnCallService onCall, PageCounts pages, Auth auth) {
        this.config = config;
        this.onCall = onCall;
        this.pages = pages;
        this.auth = auth;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v1/reports/hours", this::hours);
    }

    private void hours(Context ctx) {
        Principal caller = auth.require(ctx, Role.OBSERVER);
        List<String> problems = new ArrayList<>();
        Instant from = instant(ctx, "from", problems);
        Instant to = instant(ctx, "to", problems);
        if (from != null && to != null) {
            if (!to.isAfter(from)) problems.add("to: must be after from");
            else if (Duration.between(from, to).compareTo(MAX_PERIOD) > 0) problems.add("to: a report covers at most 366 days");
        }
        String format = ctx.queryParam("format");
        if (format != null && !format.equals("csv") && !format.equals("json")) problems.add("format: must be json or csv");
        if (!problems.isEmpty()) throw ApiException.badRequest("invalid hours report query", problems);
        Organisation organisation = config.current();
        Map<String, List<Shift>> shifts = new HashMap<>();
        for (Schedule schedule : organisation.document().schedules()) {
            shifts.put(schedule.id(), onCall.forSchedule(schedule.id()).shifts(from, to));
        }
        List<PersonHours> report = HoursReport.compute(organisation, shifts, pages.in(from, to), from, to);
        // Hours feed compensation: a person who is not an admin sees only their own line.
        if (!caller.role().includes(Role.ADMIN)) {
            report = report.stream().filter(person -> person.userId().equals(caller.userId())).toList();
        }
        String user = ctx.queryParam("user");
        if (user != null && !user.isBlank()) report = report.stream().filter(person -> person.userId().equals(user)).toList();
        String accept = ctx.header("Accept");
        boolean csv = "csv".equals(format) || (format == null && accept != null && accept.contains("text/csv"));
        if (csv) {
            ctx.contentType("text/csv; charset=utf-8");
            ctx.header("Content-Disposition", "attachment; filename=\"oncall-hours.csv\"");
            ctx.result(HoursCsv.write(report));
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", from);
        body.put("to", to);
        body.put("people", report);
        ctx.json(body);
    }

    /** An ISO 8601 instant ({@code 2027-03-01T00:00:00Z}) or a date, read as midnight UTC. */
    private static Instant instant(Context ctx, String name, List<String> problems) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            problems.add(name + ": required, an ISO 8601 instant like 2027-03-01T00:00:00Z or a date like 2027-03-01");
            return null;
        }
        try {
            Instant instant = text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(text);
            if (dev.tocsin.time.Instants.inRange(instant)) return instant;
            problems.add(name + ": '" + text + "' " + dev.tocsin.time.Instants.rangeProblem());
            return null;
        } catch (DateTimeParseException e) {
            problems.add(name + ": '" + text + "' is not an ISO 8601 instant (2027-03-01T00:00:00Z) or date (2027-03-01)");
            return null;
        }
    }
}
