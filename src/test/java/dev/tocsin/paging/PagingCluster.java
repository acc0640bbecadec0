package dev.tocsin.paging;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.tocsin.app.Settings;
import dev.tocsin.app.Tocsin;
import dev.tocsin.store.Database;
import dev.tocsin.testing.TestDatabases;
import dev.tocsin.testing.TestHttp;
import dev.tocsin.testing.TestServer;
import dev.tocsin.trace.Actor;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several full Tocsin servers (nodes) on one fresh PostgreSQL database, on the real clock, sharing one
 * configuration: service {@code service-<i>} pages {@code first-<i>} by SMS at once and, after
 * {@code escalate_after}, {@code second-<i>}. Each incident has its own people, so SMS throttling never
 * bundles two incidents into one message and every Twilio request is about exactly one incident. Twilio is one
 * WireMock fake that answers after a fixed delay, so nodes are mostly in the middle of a provider call.
 * Each node has its own public URL ({@code http://node-<n>.test}), which Twilio requests carry as their
 * StatusCallback: that tells which node sent a message.
 */
final class PagingCluster implements AutoCloseable {
    static final String MESSAGES = PagingFixture.MESSAGES;
    private static final Pattern NUMBER = Pattern.compile("#(\\d+)\\b");

    final WireMockServer twilio = new WireMockServer(options().dynamicPort().containerThreads(32));
    final List<Tocsin> nodes = new ArrayList<>();
    private final TestDatabases.TestDatabase database;

    /** Runs in a sender before it sends trigger {@code i}; returns the node to send it to. */
    interface Route {
        int nodeFor(int i) throws Exception;
    }

    /** One incident's SMS as Twilio received it. */
    record Sms(String to, List<Long> incidents, String node) {
    }

    /** @param yaml the configuration, given the fake Twilio's URL (see {@link #onePersonPerIncident}) */
    PagingCluster(int nodeCount, UnaryOperator<String> yaml, int twilioDelayMillis) {
        this.database = TestDatabases.postgres();
        try {
            twilio.start();
            twilio.stubFor(post(urlPathMatching(".*/Messages.json")).willReturn(aResponse().withStatus(201)
                    .withFixedDelay(twilioDelayMillis)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"sid\":\"SM0001\",\"status\":\"queued\"}")));
            for (int n = 0; n < nodeCount; n++) {
                nodes.add(Tocsin.start(new Settings("127.0.0.1", 0, database.url(), "http://node-" + n + ".test", null, false),
                        Clock.systemUTC()));
            }
            String configuration = yaml.apply(twilio.baseUrl());
            nodes.get(0).config().apply(configuration, "cluster.yaml", TestServer.testEnvironment(configuration), false, true,
                    Actor.system());
            for (Tocsin node : nodes) node.config().refresh();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    static String phone(String who, int service) {
        return "+41" + (who.equals("first") ? "791" : "792") + String.format("%06d", service);
    }

    /** The integration key of {@code service-<i>}. */
    static String key(int service) {
        return String.format("cluster-key-%04d", service);
    }

    /** The configuration of the class comment: {@code services} services, each with its own two people. */
    static UnaryOperator<String> onePersonPerIncident(int services, String escalateAfter) {
        return twilioUrl -> yaml(services, escalateAfter, twilioUrl);
    }

    /** Twilio settings pointing at the fake, as the last lines of a configuration. */
    static String providers(String twilioUrl) {
        return "providers:\n  twilio: { account_sid: \"${TWILIO_ACCOUNT_SID}\","
                + " auth_token: \"${TWILIO_AUTH_TOKEN}\", from: \"+15550100\", api_url: \"" + twilioUrl + "\" }\n";
    }

    private static String yaml(int services, String escalateAfter, String twilioUrl) {
        StringBuilder users = new StringBuilder("users:\n");
        StringBuilder policies = new StringBuilder("escalation_policies:\n");
        StringBuilder servicesYaml = new StringBuilder("services:\n");
        for (int i = 0; i < services; i++) {
            for (String who : List.of("first", "second")) {
                String id = who + "-" + i;
                users.append("  - id: ").append(id).append("\n    name: ").append(id)
                        .append("\n    contact_methods: [ { id: ").append(id).append("-sms, type: sms, to: \"")
                        .append(phone(who, i)).append("\" } ]\n    notification_rules: { high: [ { after: 0m, via: ")
                        .append(id).append("-sms } ] }\n");
            }
            policies.append("  - id: policy-").append(i).append("\n    levels:\n      - { notify: [ \"user:first-")
                    .append(i).append("\" ], escalate_after: ").append(escalateAfter).append(" }\n      - { notify: [ \"user:second-")
                    .append(i).append("\" ] }\n");
            servicesYaml.append("  - { id: service-").append(i).append(", name: Service ").append(i)
                    .append(", escalation_policy: policy-").append(i).append(", integrations: [ { type: events-v2, key: ")
                    .append(key(i)).append(" } ] }\n");
        }
        return users + "" + policies + servicesYaml + providers(twilioUrl);
    }

    /** A shared connection pool for checking the database; the nodes' own are used by their engines. */
    Database database() {
        return nodes.get(0).database();
    }

    /**
     * Sends {@code count} critical PagerDuty v2 triggers, trigger {@code i} with routing key {@code routingKey(i)} to
     * node {@code i % nodes}, from {@code sendersPerNode} concurrent senders per node.
     */
    void openIncidents(int count, IntFunction<String> routingKey, int sendersPerNode) throws Exception {
        openIncidents(count, routingKey, sendersPerNode, i -> i % nodes.size());
    }

    /** Like {@link #openIncidents(int, IntFunction, int)}, trigger {@code i} going where {@code route} says. */
    void openIncidents(int count, IntFunction<String> routingKey, int sendersPerNode, Route route)
            throws Exception {
        int senderCount = nodes.size() * sendersPerNode;
        ExecutorService senders = Executors.newFixedThreadPool(senderCount);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int s = 0; s < senderCount; s++) {
                int sender = s;
                done.add(senders.submit(() -> {
                    for (int i = sender; i < count; i += senderCount) {
                        int node = route.nodeFor(i);
                        TestHttp http = new TestHttp("http://127.0.0.1:" + nodes.get(node).port(), null).anonymous();
                        TestHttp.Response response = http.postJson("/v2/enqueue", """
                                {"routing_key":"%s","event_action":"trigger","dedup_key":"%s",
                                 "payload":{"summary":"Disk full on host %d","source":"host-%d","severity":"critical"}}"""
                                .formatted(routingKey.apply(i), UUID.randomUUID(), i, i));
                        assertThat(response.status()).as(response.body()).isEqualTo(202);
                    }
                    return null;
                }));
            }
            for (Future<?> each : done) each.get();
        } finally {
            senders.shutdownNow();
        }
    }

    /** Incident id by service index. */
    Map<Integer, Long> incidentsByService() {
        Map<Integer, Long> incidents = new TreeMap<>();
        database().jdbi().useHandle(handle -> handle.createQuery("SELECT id, service_id FROM incidents")
                .map((rs, ctx) -> Map.entry(Integer.parseInt(rs.getString("service_id").substring("service-".length())),
                        rs.getLong("id")))
                .forEach(entry -> assertThat(incidents.put(entry.getKey(), entry.getValue())).as("one incident per service").isNull()));
        return incidents;
    }

    /** Every SMS Twilio received, in order. */
    List<Sms> sms() {
        return twilio.findAll(postRequestedFor(urlPathMatching(".*/Messages.json"))).stream().map(request -> {
            Map<String, String> form = PagingFixture.form(request.getBodyAsString());
            List<Long> numbers = new ArrayList<>();
            Matcher matcher = NUMBER.matcher(form.get("Body"));
            while (matcher.find()) {
                long number = Long.parseLong(matcher.group(1));
                if (!numbers.contains(number)) numbers.add(number);
            }
            String callback = form.get("StatusCallback");
            return new Sms(form.get("To"), numbers, callback.substring("http://".length(), callback.indexOf(".test")));
        }).toList();
    }

    /** SMS per sending node, e.g. {node-0=70, node-1=41, node-2=89}. */
    Map<String, Integer> smsPerNode() {
        Map<String, Integer> perNode = new TreeMap<>();
        sms().forEach(each -> perNode.merge(each.node(), 1, Integer::sum));
        return perNode;
    }

    long count(String sql) {
        return database().jdbi().withHandle(handle -> handle.createQuery(sql).mapTo(Long.class).one());
    }

    /** For each incident, how many {@code notified} timeline lines each of its notifications has. */
    Map<Long, Map<Long, Integer>> notifiedLines() {
        Map<Long, Map<Long, Integer>> lines = new HashMap<>();
        database().jdbi().useHandle(handle -> handle.createQuery(
                        "SELECT incident_id, data FROM timeline WHERE kind = 'notified'")
                .map((rs, ctx) -> Map.entry(rs.getLong("incident_id"), rs.getString("data")))
                .forEach(entry -> {
                    long notification;
                    try {
                        notification = dev.tocsin.json.Json.mapper().readTree(entry.getValue()).path("notification_id").asLong();
                    } catch (java.io.IOException e) {
                        throw new AssertionError(e);
                    }
                    lines.computeIfAbsent(entry.getKey(), key -> new HashMap<>()).merge(notification, 1, Integer::sum);
                }));
        return lines;
    }

    @Override
    public void close() {
        try {
            for (Tocsin node : nodes) {
                try {
                    node.close();
                } catch (RuntimeException e) {
                    System.err.println("closing a node failed: " + e);
                }
            }
        } finally {
            twilio.stop();
            database.close();
        }
    }
}
