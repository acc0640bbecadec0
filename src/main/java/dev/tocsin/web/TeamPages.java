package dev.tocsin.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tocsin.config.ApplyResult;
import dev.tocsin.config.Kind;
import dev.tocsin.config.Organisation;
import dev.tocsin.login.WebSession;
import dev.tocsin.refusal.Refusal;
import dev.tocsin.team.Team;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** A team's members and their roles; admins add, remove and promote members through the configuration. */
final class TeamPages {
    private final Supplier<Organisation> organisation;
    private final ConfigEdits edits;
    private final WebAuth auth;
    private final Frames frames;

    TeamPages(Supplier<Organisation> organisation, ConfigEdits edits, WebAuth auth, Frames frames) {
        this.organisation = organisation;
        this.edits = edits;
        this.auth = auth;
        this.frames = frames;
    }

    /** {@code GET /teams/{id}}. */
    void show(Context ctx) {
        WebSession session = auth.require(ctx);
        render(ctx, session, team(ctx), List.of(), 200);
    }

    /** {@code POST /teams/{id}/members}: {@code user} with {@code role} (added or changed), or {@code remove=1}. */
    void changeMember(Context ctx) {
        WebSession session = auth.requireForChange(ctx);
        auth.requireRole(session, dev.tocsin.auth.Role.ADMIN);
        Team team = team(ctx);
        String user = ctx.formParam("user");
        if (user == null || organisation.get().user(user).isEmpty()) throw Refusal.invalid("user: choose a configured person");
        boolean remove = ctx.formParam("remove") != null;
        String role = ctx.formParam("role");
        if (!remove && !"member".equals(role) && !"manager".equals(role)) throw Refusal.invalid("role: member or manager");
        ObjectNode body = edits.read(Kind.TEAM, team.id());
        ArrayNode members = body.has("members") && body.get("members").isArray() ? (ArrayNode) body.get("members") : body.putArray("members");
        boolean found = false;
        for (int i = members.size() - 1; i >= 0; i--) {
            if (!user.equals(members.get(i).path("user").asText())) continue;
            found = true;
            if (remove) members.remove(i);
            else ((ObjectNode) members.get(i)).put("role", role);
        }
        if (!found && !remove) members.addObject().put("user", user).put("role", role);
        String name = new Names(organisation.get(), session.userId()).name(user);
        try {
            ApplyResult result = edits.write(session, Kind.TEAM, team.id(), body, false);
            Flash.leave(ctx, (remove ? name + " removed from " : name + " is a " + role + " of ") + team.name()
                    + " (revision " + result.revision() + ").");
            ctx.redirect("/teams/" + team.id(), HttpStatus.SEE_OTHER);
        } catch (Refusal refusal) {
            if (refusal.kind() != Refusal.Kind.INVALID && refusal.kind() != Refusal.Kind.CONFLICT) throw refusal;
            render(ctx, session, team, refusal.details().isEmpty() ? List.of(refusal.getMessage()) : refusal.details(), 400);
        }
    }

    private void render(Context ctx, WebSession session, Team team, List<String> problems, int status) {
        Organisation org = organisation.get();
        Map<String, Object> model = new HashMap<>();
        model.put("page", frames.page(ctx, session, team.name(), "people"));
        model.put("team", team);
        model.put("names", new Names(org, session.userId()));
        model.put("others", org.document().users().stream()
                .filter(user -> team.members().stream().noneMatch(member -> member.user().equals(user.id()))).toList());
        model.put("warning", edits.overwriteWarning());
        model.put("problems", problems);
        ctx.status(status).render("team.jte", model);
    }

    private Team team(Context ctx) {
        String id = ctx.pathParam("id");
        return organisation.get().team(id).orElseThrow(() -> Refusal.notFound("team '" + id + "'"));
    }
}
