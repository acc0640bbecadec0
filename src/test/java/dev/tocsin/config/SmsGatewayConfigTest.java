package dev.tocsin.config;

import dev.tocsin.provider.SmsGatewaySettings;
import dev.tocsin.provider.SmsGatewaySettings.BodyFormat;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code providers.sms_gateway}: parsed strictly with line numbers, and exported back to the same settings. */
class SmsGatewayConfigTest {
    private static final Map<String, String> ENV = Map.of("VONAGE_AUTH", "Basic dm9uYWdlOnNlY3JldA==");

    private static Problems problems;

    private static Document parse(String yaml) {
        problems = Problems.of("gw.yaml");
        return DocumentParser.parse(yaml, new ParseContext(problems, ENV), new HashMap<>());
    }

    @Test
    void vonageStyleGatewayWithJsonConditionIsRead() {
        Document document = parse("""
                providers:
                  sms_gateway:
                    url: https://rest.nexmo.com/sms/json
                    headers:
                      Authorization: ${VONAGE_AUTH}
                    body: "from=Tocsin&to={{to}}&text={{message}}"
                    success:
                      status: [200]
                      json: messages.0.status
                      equals: "0"
                """);

        assertThat(problems.formatted()).isEmpty();
        SmsGatewaySettings gateway = document.smsGateway().orElseThrow();
        assertThat(gateway.method()).isEqualTo("POST");
        assertThat(gateway.format()).isEqualTo(BodyFormat.FORM);
        assertThat(gateway.headers().get("Authorization").value()).isEqualTo("Basic dm9uYWdlOnNlY3JldA==");
        assertThat(gateway.headers().get("Authorization").name()).isEqualTo("VONAGE_AUTH");
        assertThat(gateway.success()).isEqualTo(new SmsGatewaySettings.SuccessRule(List.of(200), null, "messages.0.status", "0"));
    }

    @Test
    void jsonBodyIsRecognisedAndDefaultsApply() {
        SmsGatewaySettings gateway = parse("""
                providers:
                  sms_gateway:
                    url: https://api.sms-gate.app/3rdparty/v1/message
                    body: '{"textMessage":{"text":"{{message}}"},"phoneNumbers":["{{to}}"]}'
                """).smsGateway().orElseThrow();

        assertThat(problems.formatted()).isEmpty();
        assertThat(gateway.format()).isEqualTo(BodyFormat.JSON);
        assertThat(gateway.success().statuses()).containsExactly(200, 201, 202);
    }

    @Test
    void contentTypeHeaderDecidesTheBodyFormat() {
        SmsGatewaySettings gateway = parse("""
                providers:
                  sms_gateway:
                    url: https://gw.example.com/send
                    headers:
                      Content-Type: application/json
                    body: 'to={{to}} text={{message}}'
                """).smsGateway().orElseThrow();

        assertThat(gateway.format()).isEqualTo(BodyFormat.JSON);
    }

    @Test
    void everyProblemIsReportedWithItsLine() {
        parse("""
                providers:
                  sms_gateway:
                    url: not-a-url
                    method: DELETE
                    content_type: xml
                    headers:
                      Authorization: ${MISSING_TOKEN}
                    body: "api_secret=${VONAGE_AUTH}&text={{message}}"
                    success:
                      status: [200, 999]
                      json: messages.0.status
                      bodycontains: x
                """);

        assertThat(problems.formatted()).containsExactlyInAnyOrder(
                "gw.yaml:3: providers.sms_gateway.url: 'not-a-url' is not an http(s) URL",
                "gw.yaml:4: providers.sms_gateway.method: 'DELETE' is not one of POST, PUT, PATCH, GET",
                "gw.yaml:5: providers.sms_gateway.content_type: 'xml' is not json or form",
                "gw.yaml:7: providers.sms_gateway.headers.Authorization: environment variable 'MISSING_TOKEN' is not set",
                "gw.yaml:8: providers.sms_gateway.body: put credentials in headers (e.g. Authorization), not in the body: the body is not kept secret",
                "gw.yaml:10: providers.sms_gateway.success.status[1]: 999 is out of range; allowed 100 to 599",
                "gw.yaml:12: providers.sms_gateway.success.bodycontains: unknown key 'bodycontains' (did you mean 'body_contains'?)",
                "gw.yaml:10: providers.sms_gateway.success: 'json' needs 'equals': the value the answer must have there");
    }

    @Test
    void exportReadsBackToTheSameSettingsWithSecretsAsPlaceholders() {
        Document document = parse("""
                providers:
                  sms_gateway:
                    url: https://rest.nexmo.com/sms/json
                    headers:
                      Authorization: ${VONAGE_AUTH}
                    body: "to={{to}}&text={{message}}"
                    success: { status: [200], body_contains: '"messages"', json: messages.0.status, equals: "0" }
                """);
        String exported = Exporter.yaml(document);

        assertThat(exported).contains("${VONAGE_AUTH}").doesNotContain("dm9uYWdl");
        assertThat(parse(exported).smsGateway()).isEqualTo(document.smsGateway());
        assertThat(problems.formatted()).isEmpty();
    }
}
