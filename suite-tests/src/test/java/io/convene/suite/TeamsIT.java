package io.convene.suite;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.convene.suite.ConveneSuite.api;
import static io.convene.suite.ConveneSuite.providers;
import static io.convene.suite.ConveneSuite.tokenOf;
import static io.convene.suite.Meetings.draft;
import static io.convene.suite.Meetings.schedule;
import static io.convene.suite.Meetings.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Teams through its channel's incoming webhook (played by WireMock, answering "1" as Teams does). */
class TeamsIT extends SignedInPeople {

    private static final String PATH = "/teams/webhookb2/convene-test/IncomingWebhook/abc/def";

    @Test
    void scheduledAndStartedMeetingsArePostedAsCardsWithAJoinButton() {
        String admin = tokenOf(Meetings.ADMIN);
        String url = "http://127.0.0.1:" + providers().port() + PATH;
        providers().stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(200).withBody("1")));
        assertThat(api().post("/api/integrations/third-party", admin, Map.of("provider", "TEAMS", "action", "CONNECT",
                "secret", "not a url")).status()).isEqualTo(400);
        Reply connected = api().post("/api/integrations/third-party", admin, Map.of("provider", "TEAMS",
                "action", "CONNECT", "secret", url));
        assertThat(connected.status()).as(connected.toString()).isEqualTo(200);
        assertThat(connected.raw()).doesNotContain(PATH);
        try {
            Reply m = schedule(host, with(draft("Teams me"), "settings", Map.of("joinBeforeHost", true)));
            api().post("/api/meetings/" + m.text("id") + "/join", host, Map.of());

            List<JsonNode> cards = Eventually.get(() -> cardsAbout("Teams me"), found -> found.size() >= 2,
                    Duration.ofSeconds(30));
            assertThat(cards).extracting(c -> c.get("title").asText())
                    .containsExactlyInAnyOrder("Teams me was scheduled", "Teams me has started");
            JsonNode join = cards.get(0).get("potentialAction").get(0);
            assertThat(join.get("@type").asText()).isEqualTo("OpenUri");
            assertThat(join.get("targets").get(0).get("uri").asText()).isEqualTo(m.text("joinUrl"));
            assertThat(cards.get(0).get("text").asText()).contains("Hana Host");
        } finally {
            assertThat(api().post("/api/integrations/third-party", admin, Map.of("provider", "TEAMS",
                    "action", "DISCONNECT")).status()).isEqualTo(204);
        }
    }

    private static List<JsonNode> cardsAbout(String title) {
        return providers().findAll(postRequestedFor(urlPathEqualTo(PATH))).stream().map(r -> {
            try {
                return Api.JSON.readTree(r.getBodyAsString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).filter(card -> card.path("title").asText().startsWith(title)).toList();
    }
}
