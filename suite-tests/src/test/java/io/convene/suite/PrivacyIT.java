package io.convene.suite;

import static io.convene.suite.ConveneSuite.api;
import static io.convene.suite.ConveneSuite.database;
import static io.convene.suite.ConveneSuite.keycloak;
import static io.convene.suite.ConveneSuite.masterAdminToken;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * A person's data, exported (a ZIP with every kind of record seeded for her and nothing of anyone
 * else's) and erased (no table holds her address, name or words; counts and the audit trail stay),
 * with a legal hold stopping the erasure until released.
 */
class PrivacyIT extends SignedInPeople {

    private static final String EMAIL = "erin.erasable@convene.example";
    private static final String PASSWORD = "Erasable-pass-1";
    private static final String HER_WORDS = "tangerine-42 is my secret phrase";
    private static final String HIS_WORDS = "pineapple-17 from pablo";
    private static final String HER_QUESTION = "what about kiwi-99 budgets";

    @Test
    void herDataIsExportedCompleteThenErasedEverywhereButTheCountsStay() throws Exception {
        Reply made = keycloak().post("/admin/realms/convene/users", masterAdminToken(), Map.of("username", EMAIL,
                "email", EMAIL, "firstName", "Erin", "lastName", "Erasable", "enabled", true, "emailVerified", true,
                "credentials", List.of(Map.of("type", "password", "value", PASSWORD, "temporary", false))));
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        String erin = signInErin();
        String erinId = api().get("/api/users/profile", erin).text("id");

        Reply scheduled = Meetings.schedule(host, Meetings.with(Meetings.draft("Budget round"),
                "invitees", List.of(EMAIL, Meetings.PARTICIPANT), "settings", Map.of("joinBeforeHost", true)));
        String id = scheduled.text("id");
        String base = "/api/meetings/" + id;
        api().post(base + "/join", host, Map.of());
        assertThat(api().post(base + "/join", erin, Map.of()).status()).isEqualTo(200);
        api().post(base + "/join", pablo, Map.of());
        api().post(base + "/chat/send", erin, Map.of("clientMessageId", "p-1", "text", HER_WORDS));
        api().post(base + "/chat/send", pablo, Map.of("clientMessageId", "p-2", "text", HIS_WORDS));
        String fileId = upload(erin, base, "erin-notes.txt", "notes of erin: mango-7".getBytes(StandardCharsets.UTF_8));
        api().post(base + "/chat/send", erin, Map.of("clientMessageId", "p-3", "attachmentId", fileId));
        Reply poll = api().post(base + "/polls", host, Map.of("question", "Which quarter?", "options", List.of("Q1", "Q2"),
                "multiple", false, "anonymous", false));
        api().post(base + "/polls/" + poll.text("id") + "/vote", erin,
                Map.of("optionIds", List.of(poll.json().get("options").get(1).get("id").asText())));
        api().post(base + "/questions", erin, Map.of("text", HER_QUESTION));
        api().post(base + "/leave", erin, null);
        NotificationsIT.awaitKinds(erin, id, 1);
        JsonNode before = api().get("/api/analytics/meetings/" + id, host).json();

        String herRecording = java.util.UUID.randomUUID().toString(); // a recording of her meeting, and one of another
        String otherRecording = java.util.UUID.randomUUID().toString();
        String elsewhere = Meetings.schedule(host, Meetings.draft("Not hers")).text("id");
        try (var c = ConveneSuite.database(); var s = c.createStatement()) {
            for (String[] r : new String[][] {{herRecording, id}, {otherRecording, elsewhere}}) {
                s.executeUpdate("insert into recordings (id, meeting_id, started_by, started_at, stopped_at, status) select '"
                        + r[0] + "', '" + r[1] + "', id, now(), now(), 'FAILED' from users where email = '" + Meetings.HOST + "'");
            }
        }

        // her export, by herself
        Map<String, String> zip = export(erin, Map.of());
        assertThat(zip.keySet()).contains("index.html", "profile.json", "participations.json", "chat-messages.json",
                "files.json", "poll-answers.json", "questions.json", "notifications.json", "consents.json", "audit.json",
                "visits.json", "recordings.json");
        assertThat(zip.get("profile.json")).contains(EMAIL);
        assertThat(zip.get("recordings.json")).contains(herRecording).doesNotContain(otherRecording);
        assertThat(zip.get("chat-messages.json")).contains(HER_WORDS).doesNotContain(HIS_WORDS);
        assertThat(zip.get("questions.json")).contains(HER_QUESTION);
        assertThat(zip.get("poll-answers.json")).contains("Q2");
        assertThat(zip.get("notifications.json")).contains("INVITED");
        assertThat(zip.get("participations.json")).contains(id);
        assertThat(zip.entrySet().stream().filter(e -> e.getKey().startsWith("files/")).map(Map.Entry::getValue))
                .containsExactly("notes of erin: mango-7");
        assertThat(String.join("\n", zip.values())).as("nothing of anyone else's")
                .doesNotContain(HIS_WORDS).doesNotContain(Meetings.PARTICIPANT).doesNotContain(Meetings.HOST);
        assertThat(api().post("/api/privacy/exports", pablo, Map.of("userId", erinId)).status())
                .as("not someone else's").isEqualTo(403);
        assertThat(export(cora, Map.of("userId", erinId)).get("profile.json")).as("a compliance officer's").contains(EMAIL);

        // a legal hold stops the erasure until released
        assertThat(api().put("/api/privacy/holds/" + erinId, cora, Map.of("reason", "Litigation 2026-17")).status()).isEqualTo(200);
        Reply held = api().post("/api/privacy/erasures", cora, Map.of("userId", erinId));
        assertThat(held.status()).isEqualTo(409);
        assertThat(held.text("detail")).contains("Litigation 2026-17");
        assertThat(api().post("/api/privacy/erasures", pablo, Map.of("userId", erinId)).status()).isEqualTo(403);
        assertThat(api().delete("/api/privacy/holds/" + erinId, cora).status()).isEqualTo(204);

        Reply erased = api().post("/api/privacy/erasures", cora, Map.of("userId", erinId));
        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
        JsonNode certificate = erased.json().get("certificate").get("erased");
        assertThat(certificate.get("chat-messages").asInt()).isEqualTo(2);
        assertThat(certificate.get("files").asInt()).isEqualTo(1);
        assertThat(certificate.get("questions").asInt()).isEqualTo(1);
        assertThat(certificate.get("identity-account").asInt()).isEqualTo(1);

        assertThat(tablesHolding(EMAIL, "Erin Erasable", "tangerine-42", "kiwi-99", "mango-7")).as("nowhere any more").isEmpty();
        assertThat(tablesHolding(HIS_WORDS)).as("someone else's words stay").isNotEmpty();
        JsonNode after = api().get("/api/analytics/meetings/" + id, host).json();
        assertThat(after.get("totals")).isEqualTo(before.get("totals"));
        assertThat(after.get("attendance").size()).isEqualTo(before.get("attendance").size());
        assertThat(api().get("/api/audit?action=privacy.erased&target=user:" + erinId, cora).json().get("total").asLong())
                .isEqualTo(1);
        assertThat(api().post("/api/users/login", null, Map.of("email", EMAIL, "password", PASSWORD)).status())
                .as("her account is gone").isEqualTo(401);
        assertThat(api().post("/api/privacy/erasures", cora, Map.of("userId", erinId)).status()).isEqualTo(409);
    }

    private static String signInErin() {
        Reply r = api().post("/api/users/login", null, Map.of("email", EMAIL, "password", PASSWORD));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.text("access_token");
    }

    /** Requests an export, waits for it, downloads it: entry name to text. */
    private static Map<String, String> export(String token, Map<String, Object> body) throws Exception {
        Reply queued = api().post("/api/privacy/exports", token, body);
        assertThat(queued.status()).as(queued.toString()).isEqualTo(202);
        String requestId = queued.text("id");
        JsonNode done = Eventually.get(() -> api().get("/api/privacy/exports/" + requestId, token).json(),
                r -> Set.of("DONE", "FAILED").contains(r.get("state").asText()), Duration.ofSeconds(60));
        assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("DONE");
        assertThat(done.get("progress").asInt()).isEqualTo(100);
        HttpResponse<byte[]> zip = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        ConveneSuite.get().settings().httpUrl() + "/api/privacy/exports/" + requestId + "/download"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zip.statusCode()).isEqualTo(200);
        Map<String, String> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entries.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }

    private static String upload(String token, String base, String name, byte[] bytes) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        ConveneSuite.get().settings().httpUrl() + base + "/chat/attachments"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/plain").header("X-File-Name", name)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return Api.JSON.readTree(r.body()).get("id").asText();
    }

    /** Every table and text-like column of the schema that holds any of these (case-insensitive). */
    private static List<String> tablesHolding(String... needles) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection c = database(); Statement s = c.createStatement();
             ResultSet columns = s.executeQuery("""
                     select table_name, column_name from information_schema.columns
                     where table_schema = 'public' and data_type in ('text', 'character varying', 'jsonb', 'json')
                       and table_name not like 'flyway%'""")) {
            List<String[]> all = new ArrayList<>();
            while (columns.next()) {
                all.add(new String[] {columns.getString(1), columns.getString(2)});
            }
            for (String[] col : all) {
                for (String needle : needles) {
                    try (Statement q = c.createStatement(); ResultSet r = q.executeQuery("select count(*) from \"" + col[0]
                            + "\" where \"" + col[1] + "\"::text ilike '%" + needle.replace("'", "''") + "%'")) {
                        r.next();
                        if (r.getLong(1) > 0) {
                            found.add(col[0] + "." + col[1] + " holds " + needle);
                        }
                    }
                }
            }
        }
        return found;
    }
}
