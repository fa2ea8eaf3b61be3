package io.convene.suite;

import static io.convene.suite.ConveneSuite.api;
import static io.convene.suite.ConveneSuite.tokenOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Chat older than the retention policy allows is counted by a dry run, then purged; counts stay. */
class RetentionIT extends SignedInPeople {

    @Test
    void oldChatIsPurgedAfterADryRunAndTheCountsStay() throws Exception {
        String admin = tokenOf(Meetings.ADMIN);
        Meetings.Gathering g = Meetings.gather(host, pablo, cora, Meetings.draft("Long ago"));
        String base = "/api/meetings/" + g.id();
        String old = api().post(base + "/chat/send", pablo, Map.of("clientMessageId", "r-1", "text", "from last year")).text("id");
        String recent = api().post(base + "/chat/send", pablo, Map.of("clientMessageId", "r-2", "text", "from today")).text("id");
        String oldRecording = java.util.UUID.randomUUID().toString();
        String newRecording = java.util.UUID.randomUUID().toString();
        try (var c = ConveneSuite.database(); var s = c.createStatement()) { // the message's age, as if a year had passed
            s.executeUpdate("update chat_messages set sent_at = now() - interval '400 days' where id = '" + old + "'");
            for (String[] r : new String[][] {{oldRecording, "400 days"}, {newRecording, "1 day"}}) { // recordings made then
                s.executeUpdate("insert into recordings (id, meeting_id, started_by, started_at, stopped_at, status) select '"
                        + r[0] + "', '" + g.id() + "', id, now() - interval '" + r[1] + "', now() - interval '" + r[1]
                        + "', 'FAILED' from users where email = '" + Meetings.HOST + "'");
            }
        }

        Map<String, Object> policy = new HashMap<>();
        policy.put("chatDays", 365);
        policy.put("notificationDays", 365);
        policy.put("recordingDays", 365);
        Reply set = api().put("/api/admin/retention", admin, policy);
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.json().get("chatDays").asInt()).isEqualTo(365);
        assertThat(api().put("/api/admin/retention", admin, Map.of("chatDays", 0)).status()).isEqualTo(400);
        assertThat(api().put("/api/admin/retention", pablo, policy).status()).isEqualTo(403);

        Reply dry = api().post("/api/admin/retention/dry-run", admin, null);
        assertThat(dry.status()).isEqualTo(200);
        assertThat(dry.json().get("counts").get("chat-messages").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(ConveneSuite.count("select count(*) from chat_messages where id = '" + old + "'")).as("a dry run keeps it").isEqualTo(1);

        Reply purged = api().post("/api/admin/retention/purge", admin, null);
        assertThat(purged.status()).isEqualTo(200);
        assertThat(purged.json().get("counts").get("chat-messages").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(ConveneSuite.count("select count(*) from chat_messages where id = '" + old + "'")).isZero();
        assertThat(ConveneSuite.count("select count(*) from chat_messages where id = '" + recent + "'")).isEqualTo(1);
        assertThat(purged.json().get("counts").get("recordings").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(ConveneSuite.count("select count(*) from recordings where id = '" + oldRecording + "'")).isZero();
        assertThat(ConveneSuite.count("select count(*) from recordings where id = '" + newRecording + "'")).isEqualTo(1);
        assertThat(ConveneSuite.count("select chat_messages from participations where id = '" + g.pabloP() + "'"))
                .as("the counts stay").isEqualTo(2);
        assertThat(api().get("/api/admin/retention", admin).json().get("lastPurge").get("chat-messages").asInt())
                .isGreaterThanOrEqualTo(1);
        assertThat(api().get("/api/audit?action=retention.purged", admin).json().get("total").asLong()).isGreaterThanOrEqualTo(1);

        Map<String, Object> keep = new HashMap<>();
        keep.put("notificationDays", 365);
        assertThat(api().put("/api/admin/retention", admin, keep).status()).as("chat kept for ever again").isEqualTo(200);
    }
}
