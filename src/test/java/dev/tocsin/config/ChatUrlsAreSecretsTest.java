package dev.tocsin.config;

import dev.tocsin.auth.Role;
import dev.tocsin.testing.TestDatabases;
import dev.tocsin.testing.TestHttp;
import dev.tocsin.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A chat tool's incoming-webhook URL is the credential to post there: nobody reads it back through the API. */
class ChatUrlsAreSecretsTest {
    private static final String MATTERMOST = "https://chat.example.com/hooks/k3y-th4t-p0sts";
    private static final String TEAMS = "https://prod-01.westeurope.logic.azure.com/workflows/1/triggers/manual/paths/invoke?sig=s1gn4ture";
    private static final String YAML = """
            users:
              - id: ana
                name: Ana
                contact_methods:
                  - { id: ana-mm, type: mattermost, url: "%s" }
                  - { id: ana-teams, type: teams, url: "%s" }
            """.formatted(MATTERMOST, TEAMS);

    private TestServer server;

    @AfterEach
    void stop() {
        if (server != null) server.close();
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void webhookUrlsAreMaskedInTheApiAndPlaceholdersInTheExport(TestDatabases.Kind kind) {
        server = TestServer.start(kind, YAML);
        TestHttp observer = server.as("ana", Role.OBSERVER);

        StringBuilder read = new StringBuilder();
        for (String path : List.of("/api/v1/users", "/api/v1/users/ana", "/api/v1/config/export", "/api/v1/users/ana/contact-methods")) {
            TestHttp.Response response = observer.get(path);
            assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(200);
            read.append(response.body()).append('\n');
        }

        assertThat(read.toString()).doesNotContain("k3y-th4t-p0sts", "s1gn4ture", "chat.example.com", "logic.azure.com")
                .contains("***").contains("${TOCSIN_ANA_ANA_MM_URL}", "${TOCSIN_ANA_ANA_TEAMS_URL}");
        assertThat(server.tocsin().config().current().user("ana").orElseThrow().contactMethods())
                .extracting(method -> ((dev.tocsin.user.ContactMethod.Chat) method).url().value())
                .containsExactly(MATTERMOST, TEAMS);
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void aProblemWithSuchAUrlDoesNotQuoteIt(TestDatabases.Kind kind) {
        server = TestServer.start(kind, YAML);
        TestHttp.Response refused = server.http().putJson("/api/v1/users/ana", """
                {"id":"ana","name":"Ana","contact_methods":[{"id":"ana-mm","type":"mattermost","url":"ftp://chat.example.com/hooks/s3cr3t"}]}""");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("is not an http(s) URL").doesNotContain("s3cr3t");
    }
}
