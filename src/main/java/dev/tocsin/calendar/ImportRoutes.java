package dev.tocsin.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tocsin.auth.Principal;
import dev.tocsin.auth.Role;
import dev.tocsin.http.ApiException;
import dev.tocsin.http.Auth;
import dev.tocsin.http.Flags;
import dev.tocsin.json.Json;
import dev.tocsin.http.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /api/v1/schedules/{id}/import}: an iCalendar file (in the body) or URL as a layer of fixed shifts.
 * Admin only: it changes the configuration, and a URL makes the server fetch from the network.
 */
public final class ImportRoutes implements Routes {
    private final CalendarImports imports;
    private final Auth auth;

    public ImportRoutes(CalendarImports imports, Auth auth) {
        this.imports = imports;
        this.auth = auth;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/api/v1/schedules/{id}/import", this::importCalendar);
    }

    private void importCalendar(Context ctx) {
        Principal caller = auth.require(ctx, Role.ADMIN);
        JsonNode body;
        try {
            body = Json.mapper().readTree(ctx.body());
        } catch (IOException e) {
            throw ApiException.badRequest("body must be JSON: {\"layer\": …, \"url\": … or \"ics\": …}");
        }
        List<String> problems = new ArrayList<>();
        String layer = body == null ? null : body.path("layer").asText(null);
        if (layer == null || layer.isBlank()) problems.add("layer: required, the name of the layer of fixed shifts to write");
        String url = body == null ? null : body.path("url").asText(null);
        String ics = body == null ? null : body.path("ics").asText(null);
        if ((url == null) == (ics == null)) problems.add("give exactly one of url (to fetch) or ics (the file's text)");
        Integer priority = null;
        if (body != null && body.has("priority")) {
            if (body.get("priority").canConvertToInt() && body.get("priority").isIntegralNumber()) priority = body.get("priority").intValue();
            else problems.add("priority: must be a whole number");
        }
        // Either switch asks for a dry run; a switch that is not exactly true or false refuses before anything is read.
        boolean dryRun = Flags.query(ctx, "dry_run", false) | Flags.body(body, "dry_run", false);
        if (!problems.isEmpty()) throw ApiException.badRequest("invalid import", problems);
        String text = url != null ? imports.fetch(url) : ics;
        ctx.json(CalendarImports.describe(imports.importInto(ctx.pathParam("id"), layer.strip(), priority, text, dryRun, caller.actor())));
    }
}
