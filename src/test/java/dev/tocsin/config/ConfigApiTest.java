package dev.tocsin.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tocsin.auth.Role;
import dev.tocsin.json.Json;
import dev.tocsin.testing.TestDatabases;
import dev.tocsin.testing.TestHttp;
import dev.tocsin.testing.TestServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The configuration endpoints through the real server, on both databases. */
class ConfigApiTest {
    private static String applyBody(String yaml, Map<String, String> env) {
        return Json.write(Map.of("yaml", yaml, "source", "org.yaml", "env", env));
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void applyDiffsAndExportsThroughTheApi(TestDatabases.Kind kind) {
        try (TestServer server = TestServer.start(kind, null)) {
            TestHttp admin = server.http();

            TestHttp.Response dryRun = admin.postJson("/api/v1/config/apply?dry_run=true",
                    applyBody(ConfigFixtures.example(), ConfigFixtures.EXAMPLE_ENV));
            assertThat(dryRun.status()).isEqualTo(200);
            assertThat(dryRun.json().path("applied").asBoolean()).isFalse();
            assertThat(dryRun.json().path("dry_run").asBoolean()).isTrue();
            assertThat(admin.get("/api/v1/users").json().path("users")).isEmpty();

            TestHttp.Response applied = admin.postJson("/api/v1/config/apply",
                    applyBody(ConfigFixtures.example(), ConfigFixtures.EXAMPLE_ENV));
            assertThat(applied.status()).isEqualTo(200);
            assertThat(applied.json().path("applied").asBoolean()).isTrue();
            assertThat(applied.json().path("revision").asLong()).isEqualTo(1);
            JsonNode first = applied.json().path("changes").get(0);
            assertThat(first.path("kind").asText()).isEqualTo("user");
            assertThat(first.path("id").asText()).isEqualTo("alice");
            assertThat(first.path("change").asText()).isEqualTo("created");

            TestHttp.Response export = admin.get("/api/v1/config/export");
            assertThat(export.status()).isEqualTo(200);
            assertThat(export.headers().firstValue("Content-Type").orElse("")).startsWith("application/yaml");
            assertThat(export.body()).contains("${SMTP_PASSWORD}").doesNotContain("smtp-secret-1");

            TestHttp.Response again = admin.postJson("/api/v1/config/apply", applyBody(export.body(), ConfigFixtures.EXAMPLE_ENV));
            assertThat(again.json().path("changes")).isEmpty();
            assertThat(again.json().path("revision").asLong()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void anInvalidFileIsA400ListingEveryProblem(TestDatabases.Kind kind) {
        try (TestServer server = TestServer.start(kind, null)) {
            String broken = ConfigFixtures.example().replace("Europe/Zurich", "Europe/Zurch");

            TestHttp.Response response = server.http().postJson("/api/v1/config/apply", applyBody(broken, Map.of()));

            assertThat(response.status()).isEqualTo(400);
            JsonNode error = response.json().path("error");
            assertThat(error.path("code").asText()).isEqualTo("invalid_config");
            assertThat(error.path("message").asText()).isEqualTo("8 problems in org.yaml");
            assertThat(error.path("details").get(0).asText())
                    .isEqualTo("org.yaml:5: users[0].timezone: unknown time zone 'Europe/Zurch' (did you mean 'Europe/Zurich'?); use an IANA name like Europe/Zurich");
            assertThat(error.path("details").toString()).contains("environment variable 'SMTP_PASSWORD' is not set");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void objectsAreCreatedReplacedAndDeletedOneByOne(TestDatabases.Kind kind) {
        try (TestServer server = TestServer.start(kind, ConfigFixtures.example())) {
            TestHttp admin = server.http();

            TestHttp.Response created = admin.postJson("/api/v1/users",
                    "{\"id\":\"dave\",\"name\":\"Dave\",\"timezone\":\"America/New_York\",\"contact_methods\":"
                            + "[{\"id\":\"dave-hook\",\"type\":\"webhook\",\"url\":\"https://hooks.example.com/dave\",\"secret\":\"whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=\"}]}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            assertThat(created.json().path("user").path("contact_methods").get(0).path("secret").asText()).isEqualTo("***");
            assertThat(created.body()).doesNotContain("AAECAwQF");
            assertThat(admin.postJson("/api/v1/users", "{\"id\":\"dave\",\"name\":\"Dave\"}").status()).isEqualTo(409);

            JsonNode dave = admin.get("/api/v1/users/dave").json().path("user");
            ((com.fasterxml.jackson.databind.node.ObjectNode) dave).put("name", "Dave Smith");
            TestHttp.Response replaced = admin.putJson("/api/v1/users/dave", dave.toString());
            assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
            assertThat(replaced.json().path("changes").get(0).path("fields").toString()).isEqualTo("[\"name\"]");
            assertThat(server.tocsin().config().current().user("dave").orElseThrow().contactMethods().get(0))
                    .isEqualTo(new dev.tocsin.user.ContactMethod.Webhook("dave-hook", "https://hooks.example.com/dave",
                            new dev.tocsin.secret.Secret("whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=", "TOCSIN_DAVE_DAVE_HOOK_SECRET")));

            TestHttp.Response inUse = admin.delete("/api/v1/users/bob");
            assertThat(inUse.status()).isEqualTo(409);
            assertThat(inUse.json().path("error").path("details").toString())
                    .contains("teams[platform].members[1].user: unknown user 'bob'")
                    .contains("schedules[platform-primary].layers[0].users[1]: unknown user 'bob'");

            assertThat(admin.delete("/api/v1/users/dave").status()).isEqualTo(200);
            assertThat(admin.get("/api/v1/users/dave").status()).isEqualTo(404);
            assertThat(admin.get("/api/v1/users").json().path("users")).hasSize(3);
            assertThat(admin.get("/api/v1/config/revisions").json().path("revisions").get(0).path("actor").asText())
                    .isEqualTo("user:admin");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void badEditsAre4xxNamingTheProblem(TestDatabases.Kind kind) {
        try (TestServer server = TestServer.start(kind, ConfigFixtures.example())) {
            TestHttp admin = server.http();

            TestHttp.Response badReference = admin.putJson("/api/v1/schedules/night",
                    "{\"name\":\"Night\",\"timezone\":\"UTC\",\"layers\":[{\"name\":\"n\",\"rotation\":"
                            + "{\"every\":\"1d\",\"handoff\":\"22:00\",\"starts\":\"2026-11-02\"},\"users\":[\"alice\",\"zed\"]}]}");
            assertThat(badReference.status()).isEqualTo(400);
            assertThat(badReference.json().path("error").path("details").get(0).asText())
                    .isEqualTo("schedules[night].layers[0].users[1]: unknown user 'zed'");

            assertThat(admin.putJson("/api/v1/services/customer-api", "{\"id\":\"other\"}").status()).isEqualTo(400);
            assertThat(admin.putJson("/api/v1/teams/t", "not json").status()).isEqualTo(400);
            assertThat(admin.putJson("/api/v1/teams/t", "[1]").status()).isEqualTo(400);
            TestHttp.Response unknownKey = admin.putJson("/api/v1/teams/t", "{\"name\":\"T\",\"colour\":\"red\"}");
            assertThat(unknownKey.status()).isEqualTo(400);
            assertThat(unknownKey.json().path("error").path("details").get(0).asText())
                    .isEqualTo("teams[t].colour: unknown key 'colour'; expected one of: id, name, timezone, members, support_hours");
            assertThat(admin.postJson("/api/v1/config/apply?dry_run=maybe", "{\"yaml\":\"\"}").status()).isEqualTo(400);
            assertThat(admin.postJson("/api/v1/config/apply", "{}").status()).isEqualTo(400);
            assertThat(admin.delete("/api/v1/escalation_policies/nope").status()).isEqualTo(404);
            String deep = "[".repeat(200) + "]".repeat(200);
            assertThat(admin.putJson("/api/v1/teams/t", "{\"name\":" + deep + "}").status()).isEqualTo(400);
            assertThat(admin.postJson("/api/v1/config/apply", applyBody("teams: " + deep, Map.of())).status()).isEqualTo(400);
            assertThat(admin.putJson("/api/v1/services/s", "{\"name\":\"S\",\"escalation_policy\":\"platform\","
                    + "\"integrations\":[{\"type\":\"generic\",\"key\":\"generic-key-1\",\"rate_limit\":1e10}]}").status())
                    .isEqualTo(400);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void observersReadAndOnlyAdminsChange(TestDatabases.Kind kind) {
        try (TestServer server = TestServer.start(kind, ConfigFixtures.example())) {
            TestHttp observer = server.as("olga", Role.OBSERVER);
            TestHttp responder = server.as("rita", Role.RESPONDER);

            assertThat(observer.get("/api/v1/services").status()).isEqualTo(200);
            assertThat(observer.get("/api/v1/escalation_policies/platform").json().path("escalation_policy")
                    .path("levels").get(0).path("escalate_after").asText()).isEqualTo("15m");
            assertThat(observer.get("/api/v1/config/export").status()).isEqualTo(200);
            assertThat(observer.postJson("/api/v1/config/apply", applyBody("users: []", Map.of())).status()).isEqualTo(403);
            assertThat(responder.delete("/api/v1/services/customer-api").status()).isEqualTo(403);
            assertThat(responder.putJson("/api/v1/teams/t", "{\"name\":\"T\"}").status()).isEqualTo(403);
            assertThat(server.http().anonymous().get("/api/v1/users").status()).isEqualTo(401);
            assertThat(server.tocsin().config().current().service("customer-api")).isPresent();
        }
    }
}
