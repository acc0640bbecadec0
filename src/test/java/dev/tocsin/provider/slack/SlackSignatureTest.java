package dev.tocsin.provider.slack;

import dev.tocsin.secret.Secret;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slack request signatures. Expected values were computed independently with Python's hmac module
 * ({@code 'v0=' + hmac.new(secret, ('v0:' + ts + ':' + body).encode(), hashlib.sha256).hexdigest()}); the first
 * one is also the worked example in Slack's "Verifying requests from Slack" guide.
 */
class SlackSignatureTest {
    private static final Secret SLACK_DOCS_SECRET = new Secret("8f742231b10e8888abcd99yyyzzz85a5", "S");
    private static final String SLACK_DOCS_TIMESTAMP = "1531420618";
    private static final String SLACK_DOCS_BODY = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow"
            + "&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect"
            + "&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
            + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    private static final String SLACK_DOCS_SIGNATURE = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    private static final Secret SECRET = new Secret("tocsin-signing-secret", "S");
    private static final Instant NOW = Instant.ofEpochSecond(1_764_036_000L);

    @Test
    void slacksOwnExampleVerifies() {
        assertThat(SlackSignature.verify(SLACK_DOCS_SECRET, SLACK_DOCS_TIMESTAMP, SLACK_DOCS_BODY, SLACK_DOCS_SIGNATURE,
                Instant.ofEpochSecond(1_531_420_618L + 10))).isTrue();
    }

    @Test
    void aButtonPayloadAndANonAsciiBodyVerify() {
        assertThat(SlackSignature.verify(SECRET, "1764036000",
                "payload=%7B%22type%22%3A%22block_actions%22%2C%22user%22%3A%7B%22id%22%3A%22U1%22%7D%7D",
                "v0=669096bd0caffc362282ecc3fc0f9be85a4c4e735cb7e423551380ee57d0d185", NOW)).isTrue();
        assertThat(SlackSignature.verify(SECRET, "1764036000", "text=Zürich ✓",
                "v0=b0b45428aa5878c72322db6664a5f3c09ec53f0dca1252e0912f7d3bf71bcd6a", NOW)).isTrue();
    }

    @Test
    void aChangedBodySecretOrSignatureIsRejected() {
        String signature = "v0=b0b45428aa5878c72322db6664a5f3c09ec53f0dca1252e0912f7d3bf71bcd6a";
        assertThat(SlackSignature.verify(SECRET, "1764036000", "text=Zurich ✓", signature, NOW)).isFalse();
        assertThat(SlackSignature.verify(new Secret("other", "S"), "1764036000", "text=Zürich ✓", signature, NOW)).isFalse();
        assertThat(SlackSignature.verify(SECRET, "1764036000", "text=Zürich ✓", signature.replace("v0=", "v1="), NOW)).isFalse();
        assertThat(SlackSignature.verify(SECRET, "1764036000", "text=Zürich ✓", signature.toUpperCase(), NOW)).isFalse();
        assertThat(SlackSignature.verify(SECRET, "1764036000", "text=Zürich ✓", null, NOW)).isFalse();
        assertThat(SlackSignature.verify(SECRET, null, "text=Zürich ✓", signature, NOW)).isFalse();
        assertThat(SlackSignature.verify(SECRET, "soon", "text=Zürich ✓", signature, NOW)).isFalse();
    }

    @Test
    void timestampsMoreThanFiveMinutesAwayEitherWayAreRejected() {
        String body = "text=Zürich ✓";
        String signature = "v0=b0b45428aa5878c72322db6664a5f3c09ec53f0dca1252e0912f7d3bf71bcd6a";
        assertThat(SlackSignature.verify(SECRET, "1764036000", body, signature, NOW.plusSeconds(300))).isTrue();
        assertThat(SlackSignature.verify(SECRET, "1764036000", body, signature, NOW.minusSeconds(300))).isTrue();
        assertThat(SlackSignature.verify(SECRET, "1764036000", body, signature, NOW.plusSeconds(301))).isFalse();
        assertThat(SlackSignature.verify(SECRET, "1764036000", body, signature, NOW.minusSeconds(301))).isFalse();
    }
}
