package io.convene.suite;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.convene.suite.ConveneSuite.api;
import static io.convene.suite.ConveneSuite.providers;
import static io.convene.suite.ConveneSuite.tokenOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Slack's /convene command as Slack sends it: a signed form POST. Slack's users.info (who the
 * Slack user is) is played by WireMock.
 */
class SlackCommandIT extends SignedInPeople {

    private static final String SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static final String TOKEN = "xoxb-convene-command-token";
    private String admin;

    @BeforeEach
    void connect() {
        admin = tokenOf(Meetings.ADMIN);
        for (String token : new String[] {host, pablo}) { // both have used Convene before
            assertThat(api().get("/api/users/profile", token).status()).isEqualTo(200);
        }
        slackUser("U0HANA", "hana@convene.example");
        slackUser("U0PABLO", "pablo@convene.example");
        slackUser("U0STRANGER", "stranger@elsewhere.example");
        Reply r = api().post("/api/integrations/third-party", admin, Map.of("provider", "SLACK", "action", "CONNECT",
                "settings", Map.of("channel", "C0CONVENE"), "secret", TOKEN, "signingSecret", SIGNING_SECRET));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("hasSigningSecret").asBoolean()).isTrue();
        assertThat(r.raw()).doesNotContain(SIGNING_SECRET);
    }

    @AfterEach
    void disconnect() {
        api().post("/api/integrations/third-party", admin, Map.of("provider", "SLACK", "action", "DISCONNECT"));
    }

    @Test
    void aHostStartsAnInstantMeetingFromSlack() {
        Reply r = command("U0HANA", "Incident bridge", Instant.now().getEpochSecond(), SIGNING_SECRET);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.text("response_type")).as(r.toString()).isEqualTo("in_channel");
        assertThat(r.text("text")).contains("Hana Host started *Incident bridge*").contains("/join/");

        JsonNode upcoming = api().get("/api/meetings/upcoming?size=100", host).json().get("items");
        assertThat(upcoming.findValuesAsText("title")).contains("Incident bridge");
        assertThat(providers().findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlPathEqualTo("/slack/api/users.info"))).get(0).getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
    }

    @Test
    void forgedStaleOrUnknownRequestsGetNoMeeting() {
        long now = Instant.now().getEpochSecond();
        assertThat(command("U0HANA", "Forged", now, "not-the-secret").status()).isEqualTo(401);
        assertThat(command("U0HANA", "Replayed", now - 600, SIGNING_SECRET).status()).as("older than 5 min").isEqualTo(401);
        assertThat(api().send("POST", "/api/integrations/slack/commands", null, null, Map.of()).status()).isEqualTo(401);

        Reply participant = command("U0PABLO", "Not mine to host", now, SIGNING_SECRET);
        assertThat(participant.text("response_type")).isEqualTo("ephemeral");
        assertThat(participant.text("text")).contains("may not host");
        Reply stranger = command("U0STRANGER", "Who?", now, SIGNING_SECRET);
        assertThat(stranger.text("text")).contains("no Convene account");
        assertThat(ConveneSuite.count("select count(*) from meetings where title in ('Forged', 'Replayed', "
                + "'Not mine to host', 'Who?')")).isZero();
    }

    private static void slackUser(String id, String email) {
        providers().stubFor(get(urlPathEqualTo("/slack/api/users.info")).withQueryParam("user", equalTo(id))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"ok\":true,\"user\":{\"id\":\"" + id + "\",\"profile\":{\"email\":\"" + email + "\"}}}")));
    }

    private static Reply command(String user, String text, long timestamp, String secret) {
        String body = "token=deprecated&team_id=T0001&channel_id=C0CONVENE&user_id=" + user + "&command=%2Fconvene&text="
                + URLEncoder.encode(text, StandardCharsets.UTF_8) + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2F1";
        String signature = "v0=" + hmac(secret, "v0:" + timestamp + ":" + body);
        return api().sendRaw("POST", "/api/integrations/slack/commands", body, Map.of(
                "Content-Type", "application/x-www-form-urlencoded",
                "X-Slack-Request-Timestamp", String.valueOf(timestamp), "X-Slack-Signature", signature));
    }

    private static String hmac(String secret, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
