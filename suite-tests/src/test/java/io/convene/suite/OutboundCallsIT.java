package io.convene.suite;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.convene.suite.ConveneSuite.api;
import static io.convene.suite.ConveneSuite.count;
import static io.convene.suite.ConveneSuite.providers;
import static io.convene.suite.ConveneSuite.tokenOf;
import static io.convene.suite.Meetings.draft;
import static io.convene.suite.Meetings.schedule;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Outbound calls reach public addresses only. The suite allows exactly WireMock's address and port
 * ({@code convene.outbound.allowed-ranges=127.0.0.1/32:<port>}, as an operator would); every other
 * loopback address or port, the server's PostgreSQL among them, link-local cloud metadata, private
 * ranges and numbers written as hosts are refused when a webhook or a Teams URL is registered, and
 * again at each delivery, before connecting: the administrator sees one reason for all of them (no
 * port scanner), and a refused delivery is not retried.
 */
class OutboundCallsIT extends SignedInPeople {

    private static String admin;
    private static int postgres;
    private static int played;

    @BeforeAll
    static void ports() {
        admin = tokenOf(Meetings.ADMIN);
        postgres = ConveneSuite.get().settings().postgresPort();
        played = providers().port();
    }

    static List<String> refusedUrls() {
        int pg = ConveneSuite.get().settings().postgresPort();
        int wm = providers().port();
        return List.of(
                "http://127.0.0.1/hook",
                "http://127.0.0.1:" + pg + "/",
                "http://127.0.0.2:" + wm + "/crm",
                "http://[::1]:" + wm + "/crm",
                "http://[::ffff:127.0.0.1]:" + pg + "/",
                "http://localhost:" + pg + "/",
                "http://169.254.169.254/latest/meta-data/iam/",
                "http://10.0.0.1/hook",
                "http://192.168.1.1/hook",
                "http://100.64.0.1/hook",
                "http://[fd00::1]/hook",
                "http://0.0.0.0:" + wm + "/crm",
                "http://2130706433:" + wm + "/crm",
                "http://0x7f000001:" + wm + "/crm",
                "http://017700000001:" + wm + "/crm",
                "http://0177.0.0.1:" + wm + "/crm",
                "https://crm.invalid/hooks");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedUrls")
    void aWebhookToANonPublicAddressIsRefusedAtRegistrationAndNothingIsStored(String url) {
        long endpoints = count("select count(*) from webhook_endpoints");

        Reply r = api().post("/api/admin/webhooks", admin, Map.of("url", url, "events", List.of("SCHEDULED")));

        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("errors")).hasSize(1);
        assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo("url");
        assertThat(r.json().get("errors").get(0).get("message").asText()).contains("public internet address");
        assertThat(count("select count(*) from webhook_endpoints")).isEqualTo(endpoints);
    }

    @Test
    void onlyTheAllowedAddressAndPortPassAndEveryRefusalReadsTheSame() {
        Reply unresolvable = api().post("/api/admin/webhooks", admin, Map.of("url", "https://nowhere.invalid/x",
                "events", List.of("SCHEDULED")));
        Reply internal = api().post("/api/admin/webhooks", admin, Map.of("url", "http://127.0.0.1:" + postgres + "/x",
                "events", List.of("SCHEDULED")));
        assertThat(unresolvable.json().get("errors")).as("no oracle for what a name resolves to")
                .isEqualTo(internal.json().get("errors"));

        Reply allowed = api().post("/api/admin/webhooks", admin, Map.of("url", "http://127.0.0.1:" + played + "/crm/ok",
                "events", List.of("SCHEDULED")));
        assertThat(allowed.status()).as(allowed.toString()).isEqualTo(201);
        assertThat(api().delete("/api/admin/webhooks/" + allowed.json().get("endpoint").get("id").asText(), admin).status())
                .isEqualTo(204);
    }

    /**
     * A name that resolved to a public address at registration and resolves to the server's own
     * services at delivery (DNS rebinding) is played by changing the stored URL: each delivery checks
     * the address it connects to, whatever was checked before.
     */
    @Test
    void eachDeliveryIsCheckedAgainRefusedBeforeConnectingAlikeForOpenAndClosedPortsAndNotRetried() throws Exception {
        providers().stubFor(post(urlPathMatching("/crm/rebound/.*")).willReturn(aResponse().withStatus(204)));
        try (ServerSocket internalService = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            int closed;
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
                closed = s.getLocalPort();
            }
            Map<String, String> targets = new LinkedHashMap<>();
            targets.put("open port", "http://127.0.0.1:" + internalService.getLocalPort() + "/hook");
            targets.put("closed port", "http://127.0.0.1:" + closed + "/hook");
            targets.put("PostgreSQL", "http://127.0.0.1:" + postgres + "/hook");
            targets.put("the played API's port on another loopback address", "http://127.0.0.2:" + played + "/crm/rebound/x");
            Map<String, String> hooks = new LinkedHashMap<>();
            try {
                for (Map.Entry<String, String> target : targets.entrySet()) {
                    Reply registered = api().post("/api/admin/webhooks", admin, Map.of("url",
                            "http://127.0.0.1:" + played + "/crm/rebound/" + hooks.size(), "events", List.of("SCHEDULED")));
                    assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
                    String id = registered.json().get("endpoint").get("id").asText();
                    ConveneSuite.execute("update webhook_endpoints set url = '" + target.getValue() + "' where id = '" + id + "'");
                    hooks.put(target.getKey(), id);
                }

                String meetingId = schedule(host, draft("Rebound")).text("id");

                List<String> reasons = new ArrayList<>();
                for (Map.Entry<String, String> hook : hooks.entrySet()) {
                    JsonNode delivery = Eventually.get(() -> deliveryOf(hook.getValue(), meetingId),
                            d -> d != null && d.hasNonNull("lastError"), Duration.ofSeconds(30));
                    assertThat(delivery.hasNonNull("deliveredAt")).as(hook.getKey()).isFalse();
                    assertThat(delivery.hasNonNull("lastStatus")).as(hook.getKey()).isFalse();
                    assertThat(delivery.get("lastError").asText()).as(hook.getKey()).startsWith("Refused before connecting");
                    reasons.add(delivery.get("lastError").asText());
                }
                assertThat(reasons).as("the same words for an open port, a closed one and any other").containsOnly(reasons.get(0));
                assertThat(reasons.get(0)).doesNotContain(String.valueOf(postgres), "127.0.0.1", "Connection refused", "timed out");

                internalService.setSoTimeout(200); // the refusal was recorded after any connection would have been made
                try {
                    internalService.accept().close();
                    throw new AssertionError("Convene connected to the internal service");
                } catch (SocketTimeoutException nothingCame) {
                    // as it should be
                }
                assertThat(providers().findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                        urlPathMatching("/crm/rebound/.*")))).as("nothing went to the URLs that were registered").isEmpty();

                Thread.sleep(3_000); // the broker's first redelivery comes 1 s after a rollback: none may come
                for (Map.Entry<String, String> hook : hooks.entrySet()) {
                    assertThat(deliveryOf(hook.getValue(), meetingId).get("attempts").asInt()).as(hook.getKey()).isEqualTo(1);
                }
            } finally {
                for (String id : hooks.values()) {
                    api().delete("/api/admin/webhooks/" + id, admin);
                }
            }
        }
    }

    @Test
    void aTeamsWebhookOnANonPublicAddressIsRefusedWithoutEchoingItsUrl() {
        long teams = count("select count(*) from integration_connections where provider = 'TEAMS'");
        String url = "http://127.0.0.1:" + postgres + "/webhookb2/secret-key-part";

        Reply r = api().post("/api/integrations/third-party", admin, Map.of("provider", "TEAMS", "action", "CONNECT",
                "secret", url));

        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo("secret");
        assertThat(r.raw()).doesNotContain("secret-key-part");
        assertThat(count("select count(*) from integration_connections where provider = 'TEAMS'")).isEqualTo(teams);
    }

    /** A provider's answer names the next URL to read (Graph's nextLink): that call is checked like any other. */
    @Test
    void aProviderPointingTheCalendarSyncAtTheServersOwnPortsIsRefused() {
        providers().resetAll();
        providers().stubFor(post(urlPathEqualTo("/ms/login/convene-tenant/oauth2/v2.0/token"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"eyJ0.graph\"}")));
        providers().stubFor(get(urlPathMatching("/ms/graph/users/.*/calendarView/delta"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"value\":[],\"@odata.nextLink\":\"http://127.0.0.1:" + postgres + "/ms/graph/next\"}")));
        Reply connected = api().post("/api/integrations/third-party", host, Map.of("provider", "MICROSOFT", "action", "CONNECT"));
        assertThat(connected.status()).as(connected.toString()).isEqualTo(200);
        try {
            Reply sync = api().post("/api/integrations/calendar/sync", host, null);

            assertThat(sync.status()).as(sync.toString()).isEqualTo(503);
            assertThat(sync.contentType()).startsWith("application/problem+json");
            assertThat(sync.json().get("detail").asText()).contains("Refused before connecting").doesNotContain(String.valueOf(postgres));
            JsonNode connection = null;
            for (JsonNode c : api().get("/api/integrations", host).json()) {
                if ("MICROSOFT".equals(c.get("provider").asText())) {
                    connection = c;
                }
            }
            assertThat(connection).isNotNull();
            assertThat(connection.get("lastError").asText()).startsWith("Refused before connecting");
        } finally {
            api().post("/api/integrations/third-party", host, Map.of("provider", "MICROSOFT", "action", "DISCONNECT"));
        }
    }

    private static JsonNode deliveryOf(String hook, String meetingId) {
        for (JsonNode d : api().get("/api/admin/webhooks/" + hook + "/deliveries", admin).json()) {
            if (meetingId.equals(d.get("meetingId").asText())) {
                return d;
            }
        }
        return null;
    }
}
