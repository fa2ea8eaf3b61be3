package io.convene.suite;

import static io.convene.suite.ConveneSuite.api;
import static io.convene.suite.ConveneSuite.tokenOf;
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
import org.junit.jupiter.api.Test;

/** Q&A: the most upvoted open questions first; hosts answer and dismiss. */
class QuestionsIT {

    @Test
    void upvotesOrderTheOpenQuestionsAndHostsAnswerOrDismiss() {
        String host = tokenOf(HOST);
        String pablo = tokenOf(PARTICIPANT);
        String cora = tokenOf(COMPLIANCE);
        Reply m = schedule(host, with(draft("Town hall"), "settings", Map.of("joinBeforeHost", true)));
        String id = m.text("id");
        api().post("/api/meetings/" + id + "/join", host, Map.of());
        api().post("/api/meetings/" + id + "/join", pablo, Map.of());
        api().post("/api/meetings/" + m.text("code") + "/join", cora, Map.of());

        String budget = ask(pablo, id, "What about the budget?");
        String parking = ask(cora, id, "Parking next year?");
        String spam = ask(cora, id, "Buy cheap watches");

        assertThat(upvote(pablo, id, parking).get("votes").asLong()).isEqualTo(1);
        assertThat(upvote(host, id, parking).get("votes").asLong()).isEqualTo(2);
        assertThat(upvote(host, id, parking).get("votes").asLong()).as("once per person").isEqualTo(2);
        assertThat(upvote(cora, id, budget).get("votes").asLong()).isEqualTo(1);
        assertThat(texts(api().get("/api/meetings/" + id + "/questions", pablo).json()))
                .startsWith("Parking next year?", "What about the budget?");

        Reply answered = api().post("/api/meetings/" + id + "/questions/" + parking + "/answer", host,
                Map.of("text", "Yes, same as now."));
        assertThat(answered.status()).isEqualTo(200);
        assertThat(answered.text("status")).isEqualTo("ANSWERED");
        assertThat(api().post("/api/meetings/" + id + "/questions/" + spam + "/dismiss", pablo, null).status())
                .as("participants cannot dismiss").isEqualTo(403);
        assertThat(api().post("/api/meetings/" + id + "/questions/" + spam + "/dismiss", host, null).status()).isEqualTo(200);

        JsonNode forPablo = api().get("/api/meetings/" + id + "/questions", pablo).json();
        assertThat(texts(forPablo)).as("open first, then answered; dismissed hidden")
                .containsExactly("What about the budget?", "Parking next year?");
        assertThat(texts(api().get("/api/meetings/" + id + "/questions", host).json()))
                .as("hosts also see what they dismissed").contains("Buy cheap watches");
        assertThat(api().post("/api/meetings/" + id + "/questions/" + parking + "/answer", host,
                Map.of("text", "again")).status()).isEqualTo(409);
        assertThat(api().post("/api/meetings/" + id + "/questions", pablo, Map.of("text", " ")).status()).isEqualTo(400);
        assertThat(HostControlsIT.types(HostControlsIT.events(id, cora)))
                .contains("question.asked", "question.votes", "question.answered", "question.dismissed");
    }

    private static String ask(String token, String id, String text) {
        Reply r = api().post("/api/meetings/" + id + "/questions", token, Map.of("text", text));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.text("id");
    }

    private static JsonNode upvote(String token, String id, String question) {
        Reply r = api().post("/api/meetings/" + id + "/questions/" + question + "/upvote", token, null);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private static List<String> texts(JsonNode questions) {
        List<String> texts = new ArrayList<>();
        questions.forEach(q -> texts.add(q.get("text").asText()));
        return texts;
    }
}
