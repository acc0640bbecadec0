package dev.tocsin.delivery;

import dev.tocsin.incident.Incident;
import dev.tocsin.incident.IncidentStatus;
import dev.tocsin.provider.Message;
import dev.tocsin.urgency.Severity;
import dev.tocsin.urgency.Urgency;
import dev.tocsin.user.ContactMethod;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PageMessagesTest {
    private static final Instant NOW = Instant.parse("2026-12-04T03:00:00Z");
    private static final Map<String, String> SERVICES = Map.of("customer-api", "Customer API", "payments", "Payments");
    private static final ContactMethod SMS = new ContactMethod.Phone("bob-sms", "sms", "+41790000001");
    private static final ContactMethod EMAIL = new ContactMethod.Email("bob-email", "bob@example.com");

    private static Incident incident(long id, String service) {
        Instant opened = NOW.minus(Duration.ofMinutes(2));
        return new Incident(id, service, "Checkout down " + id, IncidentStatus.TRIGGERED, Urgency.HIGH, Severity.CRITICAL,
                opened, opened, null, null, null, null, 1, 1, List.of("bob"));
    }

    /** 37 incidents on Customer API and 12 on Payments, bundled for one person in a storm. */
    private static List<Incident> storm() {
        List<Incident> incidents = new ArrayList<>();
        for (int i = 0; i < 49; i++) incidents.add(incident(100 + i, i % 4 == 3 && i < 48 ? "payments" : "customer-api"));
        return incidents;
    }

    @Test
    void aStormBundledIntoOneTextSaysHowManyOnWhichServiceAndListsOnlyTheFirstFew() {
        List<Incident> incidents = storm();
        long onPayments = incidents.stream().filter(incident -> incident.serviceId().equals("payments")).count();

        Message sms = PageMessages.page(incidents, SERVICES::get, SMS, NOW, List.of());

        assertThat(sms.text()).startsWith("Tocsin: 49 incidents: " + (49 - onPayments) + " on Customer API, " + onPayments
                + " on Payments — first: #100 [high] Checkout down 100 — Customer API, open 2m; #101");
        assertThat(sms.text()).contains("#102").doesNotContain("#103")
                .contains("and 46 more").contains("Reply 4 <number> to acknowledge");
        assertThat(sms.text().length()).as("a text message does not grow with the storm").isLessThan(400);
    }

    @Test
    void aStormBundledIntoOneEmailListsTenAndCountsTheRest() {
        Message email = PageMessages.page(storm(), SERVICES::get, EMAIL, NOW, List.of());

        assertThat(email.subject()).isEqualTo("Tocsin: 49 incidents need you");
        assertThat(email.text()).startsWith("49 incidents: ").contains("First 10:\n#100 [high]").contains("#109 [high]")
                .doesNotContain("#110").contains("… and 39 more");
        assertThat(email.facts()).singleElement().satisfies(fact ->
                assertThat(fact.value()).startsWith("#100, #101").endsWith("#109 and 39 more"));
    }

    @Test
    void aSmallBundleListsEveryIncidentAsBefore() {
        Message sms = PageMessages.page(List.of(incident(7, "payments"), incident(8, "customer-api")), SERVICES::get, SMS,
                NOW, List.of());

        assertThat(sms.text()).startsWith("Tocsin: 2 incidents: #7 [high] Checkout down 7 — Payments, open 2m; #8")
                .doesNotContain("more");
    }

    @Test
    void aWebhookIsReadByAProgramAndListsEveryIncident() {
        ContactMethod webhook = new ContactMethod.Webhook("ops-hook", "https://hooks.example.com/tocsin", null);

        Message message = PageMessages.page(storm(), SERVICES::get, webhook, NOW, List.of());

        assertThat(message.text()).contains("#100 [high]").contains("#148 [high]").doesNotContain("more");
    }

    @Test
    void aSingleIncidentsPageNamesItsRunbookEverywhereButByTextMessage() {
        Message email = PageMessages.page(List.of(incident(7, "payments")), SERVICES::get, EMAIL, NOW, List.of(),
                "https://runbooks.example.com/checkout");
        Message sms = PageMessages.page(List.of(incident(7, "payments")), SERVICES::get, SMS, NOW, List.of(),
                "https://runbooks.example.com/checkout");

        assertThat(email.text()).contains("\nRunbook: https://runbooks.example.com/checkout\n");
        assertThat(email.html()).contains("Runbook: https://runbooks.example.com/checkout");
        assertThat(email.facts()).contains(new Message.Fact("Runbook", "https://runbooks.example.com/checkout"));
        assertThat(sms.text()).doesNotContain("runbooks.example.com");
    }
}
