package io.convene.suite;

import static io.convene.suite.ConveneSuite.api;
import static io.convene.suite.ConveneSuite.tokenOf;
import static io.convene.suite.HostControlsIT.control;
import static io.convene.suite.Meetings.COMPLIANCE;
import static io.convene.suite.Meetings.HOST;
import static io.convene.suite.Meetings.PARTICIPANT;
import static io.convene.suite.Meetings.draft;
import static io.convene.suite.Meetings.schedule;
import static io.convene.suite.Meetings.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Raised hands, reactions and polls with three people in the meeting. */
class EngagementIT extends SignedInPeople {

    String id;
    String pabloP;

    @BeforeEach
    void threeInAMeeting() {
        Meetings.Gathering g = Meetings.gather(host, pablo, cora, draft("Engagement"));
        id = g.id();
        pabloP = g.pabloP();
    }

    @Test
    void handsQueueInOrderForTheHosts() {
        assertThat(api().post("/api/meetings/" + id + "/hand/raise", pablo, null).status()).isEqualTo(204);
        assertThat(api().post("/api/meetings/" + id + "/hand/raise", cora, null).status()).isEqualTo(204);
        assertThat(api().post("/api/meetings/" + id + "/hand/raise", pablo, null).status()).as("still first").isEqualTo(204);

        assertThat(names(api().get("/api/meetings/" + id + "/hands", host).json()))
                .containsExactly("Pablo Participant", "Cora Compliance");
        assertThat(api().get("/api/meetings/" + id + "/hands", pablo).status()).isEqualTo(403);

        assertThat(control(id, host, "LOWER_HAND", pabloP).status()).isEqualTo(200);
        assertThat(names(api().get("/api/meetings/" + id + "/hands", host).json())).containsExactly("Cora Compliance");
        api().post("/api/meetings/" + id + "/hand/lower", cora, null);
        assertThat(api().get("/api/meetings/" + id + "/hands", host).json()).isEmpty();
        assertThat(HostControlsIT.types(HostControlsIT.events(id, pablo))).contains("participant.hand");
    }

    @Test
    void reactionsToTheMeetingAreAnnounced() {
        assertThat(api().post("/api/meetings/" + id + "/reactions", pablo, Map.of("emoji", "👏")).status()).isEqualTo(204);
        assertThat(api().post("/api/meetings/" + id + "/reactions", pablo, Map.of("emoji", "clap")).status()).isEqualTo(400);
        JsonNode events = HostControlsIT.events(id, cora);
        assertThat(HostControlsIT.types(events)).containsOnlyOnce("meeting.reaction");
    }

    @Test
    void aNamedPollCountsLiveAndShowsNamesOnlyToHosts() {
        Reply opened = api().post("/api/meetings/" + id + "/polls", host, Map.of("question", "Lunch?",
                "options", List.of("Pizza", "Salad", "Later"), "multiple", false, "anonymous", false));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String poll = opened.text("id");
        String pizza = opened.json().get("options").get(0).get("id").asText();
        String salad = opened.json().get("options").get(1).get("id").asText();

        vote(pablo, poll, pizza);
        JsonNode changed = vote(pablo, poll, salad).json();
        assertThat(votes(changed)).containsExactly(0L, 1L, 0L);
        assertThat(changed.get("mine").get(0).asText()).isEqualTo(salad);
        assertThat(api().post("/api/meetings/" + id + "/polls/" + poll + "/vote", cora,
                Map.of("optionIds", List.of(pizza, salad))).status()).as("single choice").isEqualTo(400);
        JsonNode after = vote(cora, poll, pizza).json();
        assertThat(votes(after)).containsExactly(1L, 1L, 0L);
        assertThat(after.get("voters").asLong()).isEqualTo(2);
        assertThat(after.get("options").get(0).path("voters").isMissingNode()).as("no names for participants").isTrue();

        JsonNode hostView = api().get("/api/meetings/" + id + "/polls", host).json().get(0);
        assertThat(hostView.get("options").get(1).get("voters").get(0).asText()).isEqualTo("Pablo Participant");

        JsonNode results = HostControlsIT.events(id, cora);
        assertThat(HostControlsIT.types(results)).contains("poll.opened", "poll.results");
        results.forEach(e -> {
            if (e.get("type").asText().startsWith("poll.")) {
                assertThat(e.get("data").has("mine")).isFalse();
                e.get("data").get("options").forEach(o -> assertThat(o.has("voters")).as("no names on the channel").isFalse());
            }
        });

        assertThat(api().post("/api/meetings/" + id + "/polls/" + poll + "/close", host, null).status()).isEqualTo(200);
        assertThat(api().post("/api/meetings/" + id + "/polls/" + poll + "/vote", pablo,
                Map.of("optionIds", List.of(pizza))).status()).isEqualTo(409);
        assertThat(api().post("/api/meetings/" + id + "/polls", pablo, Map.of("question", "Mine?",
                "options", List.of("a", "b"))).status()).as("only hosts open polls").isEqualTo(403);
    }

    @Test
    void anAnonymousMultipleChoicePollNamesNobody() {
        Reply opened = api().post("/api/meetings/" + id + "/polls", host, Map.of("question", "Topics?",
                "options", List.of("Budget", "Hiring"), "multiple", true, "anonymous", true));
        String poll = opened.text("id");
        List<String> both = new ArrayList<>();
        opened.json().get("options").forEach(o -> both.add(o.get("id").asText()));
        Reply voted = api().post("/api/meetings/" + id + "/polls/" + poll + "/vote", pablo, Map.of("optionIds", both));
        assertThat(votes(voted.json())).containsExactly(1L, 1L);
        JsonNode hostView = api().get("/api/meetings/" + id + "/polls", host).json().get(0);
        assertThat(hostView.get("options").get(0).path("voters").isMissingNode()).isTrue();
        assertThat(api().post("/api/meetings/" + id + "/polls", host, Map.of("question", "One?",
                "options", List.of("only"))).status()).as("two answers at least").isEqualTo(400);
    }

    private Reply vote(String token, String poll, String option) {
        Reply r = api().post("/api/meetings/" + id + "/polls/" + poll + "/vote", token, Map.of("optionIds", List.of(option)));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r;
    }

    private static List<Long> votes(JsonNode poll) {
        List<Long> votes = new ArrayList<>();
        poll.get("options").forEach(o -> votes.add(o.get("votes").asLong()));
        return votes;
    }

    private static List<String> names(JsonNode hands) {
        List<String> names = new ArrayList<>();
        hands.forEach(h -> names.add(h.get("name").asText()));
        return names;
    }
}
