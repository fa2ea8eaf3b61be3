package io.convene.suite;

import static io.convene.suite.ConveneSuite.api;
import static io.convene.suite.ConveneSuite.database;
import static io.convene.suite.Meetings.draft;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Presence and engagement are counted per participant as the meeting goes: the input of the reports. */
class ParticipantActivityIT extends SignedInPeople {

    @Test
    void whatEachParticipantDidIsCountedOnceAndVisitsAddUp() throws SQLException {
        Meetings.Gathering g = Meetings.gather(host, pablo, cora, draft("Counted"));
        String id = g.id();
        String base = "/api/meetings/" + id;

        Map<String, Object> hello = Map.of("clientMessageId", "act-1", "text", "hello");
        String message = api().post(base + "/chat/send", pablo, hello).text("id");
        assertThat(api().post(base + "/chat/send", pablo, hello).status()).as("a resend").isIn(200, 201);
        api().post(base + "/chat/send", pablo, Map.of("clientMessageId", "act-2", "text", "again"));
        api().post(base + "/chat/messages/" + message + "/reactions", cora, Map.of("emoji", "🎉"));
        api().post(base + "/reactions", pablo, Map.of("emoji", "👏"));
        api().post(base + "/hand/raise", pablo, null);
        api().post(base + "/hand/raise", pablo, null);
        Reply poll = api().post(base + "/polls", host, Map.of("question", "Lunch?",
                "options", List.of("Pizza", "Salad"), "multiple", false, "anonymous", true));
        String pizza = poll.json().get("options").get(0).get("id").asText();
        String salad = poll.json().get("options").get(1).get("id").asText();
        api().post(base + "/polls/" + poll.text("id") + "/vote", pablo, Map.of("optionIds", List.of(pizza)));
        api().post(base + "/polls/" + poll.text("id") + "/vote", pablo, Map.of("optionIds", List.of(salad)));
        api().post(base + "/questions", cora, Map.of("text", "When is the next release?"));
        assertThat(api().post(base + "/leave", pablo, null).status()).isEqualTo(204);
        assertThat(api().post(base + "/join", pablo, Map.of()).status()).isEqualTo(200);

        Map<String, Object> pabloRow = activity(g.pabloP());
        assertThat(pabloRow).containsEntry("chat_messages", 2).containsEntry("reactions", 1)
                .containsEntry("hands_raised", 1).containsEntry("poll_answers", 1)
                .containsEntry("questions_asked", 0).containsEntry("joins", 2);
        assertThat(pabloRow.get("first_joined_at")).isNotNull();
        Map<String, Object> coraRow = activity(g.coraP());
        assertThat(coraRow).containsEntry("chat_messages", 0).containsEntry("reactions", 1)
                .containsEntry("questions_asked", 1).containsEntry("joins", 1);
        assertThat(HostControlsIT.types(HostControlsIT.events(id, host)))
                .as("presence is in the event log too").contains("participant.left", "participant.joined");
    }

    private static Map<String, Object> activity(String participation) throws SQLException {
        try (Connection c = database(); PreparedStatement s = c.prepareStatement("""
                select first_joined_at, attended_seconds, joins, chat_messages, reactions, hands_raised,
                       poll_answers, questions_asked from participations where id = ?""")) {
            s.setObject(1, UUID.fromString(participation));
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).isTrue();
                Map<String, Object> row = new HashMap<>();
                for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                    row.put(r.getMetaData().getColumnName(i), r.getObject(i));
                }
                return row;
            }
        }
    }
}
