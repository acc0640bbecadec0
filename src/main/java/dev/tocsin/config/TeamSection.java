package dev.tocsin.config;

import dev.tocsin.team.Membership;
import dev.tocsin.team.Team;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads and writes one entry of {@code teams:}. */
final class TeamSection {
    private TeamSection() {
    }

    static Team parse(Value value) {
        Fields fields = value.fields("id", "name", "timezone", "members", "support_hours");
        String id = fields.id("id");
        String name = fields.text("name");
        var timezone = fields.optional("timezone", Value::zone);
        List<Membership> members = new ArrayList<>();
        for (Value item : fields.list("members")) {
            Fields member = item.fields("user", "role");
            String user = member.id("user");
            Membership.Role role = member.optional("role", v -> {
                String text = v.text();
                if (text == null) return null;
                return Membership.Role.parse(text).orElseGet(() -> {
                    v.problem("unknown role '" + text + "'; expected manager or member");
                    return null;
                });
            });
            if (user == null) continue;
            if (members.stream().anyMatch(existing -> existing.user().equals(user))) {
                item.problem("user '" + user + "' is listed twice");
                continue;
            }
            members.add(item.context().located(new Membership(user, role == null ? Membership.Role.DEFAULT : role), item));
        }
        var supportHours = fields.optional("support_hours", SupportHoursSection::parse);
        return new Team(id, name, timezone, members, supportHours);
    }

    static Map<String, Object> write(Team team) {
        Map<String, Object> out = Tree.map();
        Tree.plain(out, "id", team.id());
        Tree.text(out, "name", team.name());
        if (team.timezone() != null) Tree.plain(out, "timezone", team.timezone().getId());
        SupportHoursSection.write(out, team.supportHours());
        if (!team.members().isEmpty()) {
            out.put("members", team.members().stream().map(member -> {
                Map<String, Object> item = Tree.map();
                Tree.plain(item, "user", member.user());
                Tree.plain(item, "role", member.role().wireName());
                return item;
            }).toList());
        }
        return out;
    }
}
