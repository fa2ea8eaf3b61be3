package io.convene.suite;

import static io.convene.suite.ConveneSuite.api;
import static io.convene.suite.ConveneSuite.count;
import static io.convene.suite.ConveneSuite.tokenOf;
import static io.convene.suite.HostControlsIT.control;
import static io.convene.suite.Meetings.ADMIN;
import static io.convene.suite.Meetings.COMPLIANCE;
import static io.convene.suite.Meetings.HOST;
import static io.convene.suite.Meetings.PARTICIPANT;
import static io.convene.suite.Meetings.draft;
import static io.convene.suite.Meetings.schedule;
import static io.convene.suite.Meetings.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Meeting chat with three people in the room: who sees what, resends, reactions, paging, files. */
class ChatIT extends SignedInPeople {

    String id;
    String hostP;
    String pabloP;
    String coraP;

    @BeforeEach
    void threeInAMeeting() {
        Meetings.Gathering g = Meetings.gather(host, pablo, cora, draft("Chat"));
        id = g.id();
        hostP = g.hostP();
        pabloP = g.pabloP();
        coraP = g.coraP();
    }

    @Test
    void aPrivateMessageReachesOnlyItsTwoEnds() {
        try (ChannelClient coraSocket = ChannelClient.withBearer(id, cora);
             ChannelClient hostSocket = ChannelClient.withBearer(id, host)) {
            coraSocket.next();
            hostSocket.next();
            assertThat(send(pablo, "hello all", null).status()).isEqualTo(201);
            assertThat(send(pablo, "psst, host", hostP).status()).isEqualTo(201);
            assertThat(send(pablo, "after", null).status()).isEqualTo(201);

            assertThat(textOf(coraSocket.awaitEvent("chat.message"))).isEqualTo("hello all");
            assertThat(textOf(coraSocket.awaitEvent("chat.message"))).as("the private one is skipped").isEqualTo("after");
            assertThat(textOf(hostSocket.awaitEvent("chat.message"))).isEqualTo("hello all");
            assertThat(textOf(hostSocket.awaitEvent("chat.message"))).isEqualTo("psst, host");
        }
        assertThat(messages(cora, "")).containsExactly("hello all", "after");
        assertThat(messages(host, "")).containsExactly("hello all", "psst, host", "after");
        assertThat(messages(pablo, "")).containsExactly("hello all", "psst, host", "after");
        assertThat(HostControlsIT.events(id, cora).toString()).doesNotContain("psst");
    }

    @Test
    void aResendWithTheSameClientIdIsStoredOnce() {
        String clientId = "c-" + UUID.randomUUID();
        Reply first = api().post("/api/meetings/" + id + "/chat/send", pablo, Map.of("clientMessageId", clientId, "text", "once"));
        Reply again = api().post("/api/meetings/" + id + "/chat/send", pablo, Map.of("clientMessageId", clientId, "text", "once"));

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("id")).isEqualTo(first.text("id"));
        assertThat(count("select count(*) from chat_messages where meeting_id = '" + id + "'")).isEqualTo(1);
        assertThat(count("select count(*) from meeting_events where meeting_id = '" + id + "' and type = 'chat.message'"))
                .isEqualTo(1);
        assertThat(api().post("/api/meetings/" + id + "/chat/send", cora, Map.of("clientMessageId", clientId, "text", "mine"))
                .status()).as("client ids are per sender").isEqualTo(201);
    }

    @Test
    void messagesSentOnTheChannelAreStoredOnceInOrderAndAnswered() {
        try (ChannelClient pabloSocket = ChannelClient.withBearer(id, pablo);
             ChannelClient coraSocket = ChannelClient.withBearer(id, cora)) {
            pabloSocket.next();
            coraSocket.next();
            for (int i = 0; i < 20; i++) {
                pabloSocket.send(Map.of("type", "chat.send", "clientMessageId", "ch-" + i, "text", "on the channel " + i));
            }
            pabloSocket.send(Map.of("type", "chat.send", "clientMessageId", "ch-0", "text", "on the channel 0"));
            pabloSocket.send(Map.of("type", "chat.send", "clientMessageId", "ch-empty", "text", "  "));
            pabloSocket.send(Map.of("type", "chat.send", "clientMessageId", "bad id!", "text", "x"));
            assertThat(control(id, host, "FORBID_PRIVATE_CHAT", null).status()).isEqualTo(200);
            pabloSocket.send(Map.of("type", "chat.send", "clientMessageId", "ch-private", "text", "psst", "to", coraP));

            Map<String, JsonNode> answers = new java.util.HashMap<>();
            long lastPosition = 0;
            while (answers.size() < 24) {
                JsonNode m = pabloSocket.await(a -> a.has("clientMessageId"));
                String clientId = m.get("clientMessageId").asText();
                if (clientId.equals("ch-0") && answers.containsKey("ch-0")) {
                    assertThat(m.get("duplicate").asBoolean()).as("a resend").isTrue();
                    assertThat(m.get("messageId").asText()).isEqualTo(answers.get("ch-0").get("messageId").asText());
                    clientId = "ch-0 again";
                } else if (m.get("type").asText().equals("chat.sent")) {
                    assertThat(m.get("position").asLong()).as("stored in the order sent").isGreaterThan(lastPosition);
                    lastPosition = m.get("position").asLong();
                }
                answers.put(clientId, m);
            }
            assertThat(answers.get("ch-19").get("type").asText()).isEqualTo("chat.sent");
            assertThat(answers.get("ch-empty").get("code").asText()).isEqualTo("invalid");
            assertThat(answers.get("ch-empty").get("message").asText()).isEqualTo("text: a message needs text or an attachment");
            assertThat(answers.get("ch-private").get("code").asText()).isEqualTo("refused");
            assertThat(answers.get("ch-private").get("message").asText()).isEqualTo("The host has turned private chat off");
            assertThat(answers.get("bad id!").get("code").asText()).as("a client id the API refuses").isEqualTo("invalid");

            for (int i = 0; i < 20; i++) {
                assertThat(textOf(coraSocket.awaitEvent("chat.message"))).isEqualTo("on the channel " + i);
            }
        }
        assertThat(count("select count(*) from chat_messages where meeting_id = '" + id + "'")).isEqualTo(20);
        assertThat(count("select count(*) from meeting_events where meeting_id = '" + id + "' and type = 'chat.message'"))
                .isEqualTo(20);
        assertThat(messages(cora, "")).hasSize(20).startsWith("on the channel 0").endsWith("on the channel 19");

        try (ChannelClient coalescing = ChannelClient.coalescing(id, cora, 0)) {
            assertThat(coalescing.next().get("type").asText()).isEqualTo("hello");
            JsonNode missed = coalescing.next();
            assertThat(missed.isArray()).as("what was missed, in one frame").isTrue();
            List<String> chat = new ArrayList<>();
            long seq = 0;
            for (JsonNode event : missed) {
                assertThat(event.get("seq").asLong()).as("in order").isGreaterThan(seq);
                seq = event.get("seq").asLong();
                if (event.get("event").asText().equals("chat.message")) {
                    chat.add(textOf(event));
                }
            }
            assertThat(chat).hasSize(20).startsWith("on the channel 0").endsWith("on the channel 19");
        }
    }

    @Test
    void theHostMayTurnPrivateChatOff() {
        assertThat(control(id, host, "FORBID_PRIVATE_CHAT", null).status()).isEqualTo(200);
        Reply refused = send(pablo, "secret", coraP);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("detail")).isEqualTo("The host has turned private chat off");
        assertThat(send(pablo, "public", null).status()).isEqualTo(201);
        assertThat(send(host, "host may", pabloP).status()).isEqualTo(201);
        assertThat(messages(cora, "")).containsExactly("public");
    }

    @Test
    void reactionsAreCountedOncePerPersonAndOnlyOnWhatOneSees() {
        String group = send(pablo, "vote", null).text("id");
        String secret = send(pablo, "secret", hostP).text("id");

        assertThat(react(cora, group, "👍").json().get("👍").asLong()).isEqualTo(1);
        assertThat(react(host, group, "👍").json().get("👍").asLong()).isEqualTo(2);
        assertThat(react(cora, group, "👍").json().get("👍").asLong()).as("once per person").isEqualTo(2);
        assertThat(react(cora, group, "🎉").json().get("🎉").asLong()).isEqualTo(1);
        Reply unreact = api().delete("/api/meetings/" + id + "/chat/messages/" + group + "/reactions/"
                + java.net.URLEncoder.encode("👍", StandardCharsets.UTF_8), cora);
        assertThat(unreact.status()).isEqualTo(200);
        assertThat(unreact.json().get("👍").asLong()).isEqualTo(1);

        assertThat(react(cora, secret, "👍").status()).isEqualTo(404);
        assertThat(react(cora, group, "abc").status()).isEqualTo(400);
        JsonNode page = api().get("/api/meetings/" + id + "/chat/messages", pablo).json();
        assertThat(page.get("items").get(0).get("reactions").get("🎉").asLong()).isEqualTo(1);
    }

    @Test
    void historyIsPagedNewestLast() {
        for (int i = 1; i <= 5; i++) {
            send(pablo, "m" + i, null);
        }
        JsonNode last = api().get("/api/meetings/" + id + "/chat/messages?size=2", cora).json();
        assertThat(texts(last.get("items"))).containsExactly("m4", "m5");
        JsonNode before = api().get("/api/meetings/" + id + "/chat/messages?size=2&before=" + last.get("before").asLong(),
                cora).json();
        assertThat(texts(before.get("items"))).containsExactly("m2", "m3");
        JsonNode first = api().get("/api/meetings/" + id + "/chat/messages?size=2&before=" + before.get("before").asLong(),
                cora).json();
        assertThat(texts(first.get("items"))).containsExactly("m1");
        assertThat(first.path("before").isMissingNode() || first.path("before").isNull()).as("no older page").isTrue();
    }

    @Test
    void attachmentsGoOnlyToThoseWhoMaySeeTheirMessage() throws Exception {
        byte[] notes = "minutes of the meeting\n".getBytes(StandardCharsets.UTF_8);
        JsonNode upload = upload(pablo, "notes.txt", "text/plain", notes);
        String fileId = upload.get("id").asText();
        assertThat(upload.get("size").asLong()).isEqualTo(notes.length);
        assertThat(download(cora, fileId).statusCode()).as("not sent yet: the uploader's only").isEqualTo(404);
        assertThat(download(pablo, fileId).statusCode()).isEqualTo(200);

        Reply sent = api().post("/api/meetings/" + id + "/chat/send", pablo, Map.of("clientMessageId", "f1",
                "attachmentId", fileId));
        assertThat(sent.status()).isEqualTo(201);
        assertThat(sent.json().get("attachment").get("fileName").asText()).isEqualTo("notes.txt");
        HttpResponse<byte[]> got = download(cora, fileId);
        assertThat(got.statusCode()).isEqualTo(200);
        assertThat(got.body()).isEqualTo(notes);
        assertThat(got.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        assertThat(download(tokenOf(ADMIN), fileId).statusCode()).as("not in the meeting").isEqualTo(404);

        String privateFile = upload(pablo, "for-host.pdf", "application/pdf", new byte[] {1, 2, 3}).get("id").asText();
        api().post("/api/meetings/" + id + "/chat/send", pablo, Map.of("clientMessageId", "f2", "to", hostP,
                "attachmentId", privateFile));
        assertThat(download(host, privateFile).statusCode()).isEqualTo(200);
        assertThat(download(cora, privateFile).statusCode()).isEqualTo(404);
        assertThat(api().post("/api/meetings/" + id + "/chat/send", pablo, Map.of("clientMessageId", "f3",
                "attachmentId", privateFile)).status()).as("sent once").isEqualTo(409);

        HttpResponse<byte[]> tooBig = uploadRaw(pablo, "big.bin", "application/octet-stream", new byte[10 * 1024 * 1024 + 1]);
        assertThat(tooBig.statusCode()).isEqualTo(413);
        assertThat(count("select count(*) from chat_attachments where meeting_id = '" + id + "'")).isEqualTo(2);
    }

    static final int MIB = 1024 * 1024;

    @Test
    void unsentAttachmentsHaveAQuotaPerParticipantAndMeeting() throws Exception {
        List<String> unsent = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            unsent.add(upload(pablo, "part-" + i + ".bin", "application/octet-stream", new byte[10 * MIB]).get("id").asText());
        }
        long rows = count("select count(*) from chat_attachments where meeting_id = '" + id + "'");
        HttpResponse<byte[]> fourth = uploadRaw(pablo, "one-more.bin", "application/octet-stream", new byte[1_234_567]);
        assertThat(fourth.statusCode()).isEqualTo(413);
        assertThat(fourth.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(Api.JSON.readTree(fourth.body()).get("detail").asText()).as("says the limit").contains(String.valueOf(30 * MIB));
        assertThat(count("select count(*) from chat_attachments where meeting_id = '" + id + "'")).isEqualTo(rows);
        assertThat(blobsOfSize(1_234_567)).as("the refused file's bytes were not kept").isEmpty();

        assertThat(api().post("/api/meetings/" + id + "/chat/send", pablo, Map.of("clientMessageId", "q1",
                "attachmentId", unsent.get(0))).status()).isEqualTo(201);
        assertThat(upload(pablo, "after-sending.bin", "application/octet-stream", new byte[1_234_567]).get("size").asLong())
                .as("a sent file no longer counts against the uploader").isEqualTo(1_234_567);

        // the meeting's own quota (48 MiB in the suite): 10 + 10 + 10 + 1.2 MiB are in, another 10 MiB from host is
        // within host's own quota, the next would pass the meeting's
        assertThat(upload(host, "host-1.bin", "application/octet-stream", new byte[10 * MIB]).get("id")).isNotNull();
        rows = count("select count(*) from chat_attachments where meeting_id = '" + id + "'");
        HttpResponse<byte[]> full = uploadRaw(cora, "too-much.bin", "application/octet-stream", new byte[10 * MIB - 13]);
        assertThat(full.statusCode()).isEqualTo(413);
        assertThat(full.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(Api.JSON.readTree(full.body()).get("detail").asText()).as("says the limit").contains(String.valueOf(48 * MIB));
        assertThat(count("select count(*) from chat_attachments where meeting_id = '" + id + "'")).isEqualTo(rows);
        assertThat(blobsOfSize(10 * MIB - 13)).isEmpty();
    }

    @Test
    void uploadsAtTheSameMomentCannotGoPastTheQuotaTogether() throws Exception {
        int uploads = 10; // 10 x 4 MiB at once against 30 MiB: at most seven fit
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(uploads);
        List<java.util.concurrent.Future<HttpResponse<byte[]>>> answers = new ArrayList<>();
        for (int i = 0; i < uploads; i++) {
            int size = 4 * MIB + 100 + i;
            answers.add(pool.submit(() -> uploadRaw(pablo, "burst.bin", "application/octet-stream", new byte[size])));
        }
        int stored = 0;
        for (int i = 0; i < uploads; i++) {
            HttpResponse<byte[]> r = answers.get(i).get();
            assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isIn(201, 413);
            if (r.statusCode() == 201) {
                stored++;
                assertThat(blobsOfSize(4 * MIB + 100 + i)).hasSize(1);
            } else {
                assertThat(blobsOfSize(4 * MIB + 100 + i)).as("a refused upload keeps nothing").isEmpty();
            }
        }
        pool.shutdown();
        assertThat(stored).isBetween(1, 7);
        assertThat(count("select count(*) from chat_attachments where meeting_id = '" + id + "'")).isEqualTo(stored);
        assertThat(count("select coalesce(sum(size_bytes), 0) from chat_attachments where meeting_id = '" + id + "'"))
                .isLessThanOrEqualTo(30L * MIB);
    }

    @Test
    void unsentAttachmentsAreRemovedAfterAnHourBytesAndAll() throws Exception {
        String forgotten = upload(pablo, "forgotten.txt", "text/plain", "never sent".getBytes(StandardCharsets.UTF_8))
                .get("id").asText();
        String sent = upload(pablo, "sent.txt", "text/plain", "sent long ago".getBytes(StandardCharsets.UTF_8))
                .get("id").asText();
        String fresh = upload(pablo, "fresh.txt", "text/plain", "just now".getBytes(StandardCharsets.UTF_8))
                .get("id").asText();
        assertThat(api().post("/api/meetings/" + id + "/chat/send", pablo, Map.of("clientMessageId", "s1",
                "attachmentId", sent)).status()).isEqualTo(201);
        java.nio.file.Path forgottenBlob = blob(forgotten);
        assertThat(forgottenBlob).exists();
        // an hour and more went by for two of them
        ConveneSuite.execute("update chat_attachments set created_at = now() - interval '61 minutes' where id in ('"
                + forgotten + "', '" + sent + "')");

        Eventually.get(() -> count("select count(*) from chat_attachments where id = '" + forgotten + "'"), n -> n == 0,
                java.time.Duration.ofMinutes(3)); // the sweep runs once a minute
        Eventually.get(() -> java.nio.file.Files.exists(forgottenBlob), exists -> !exists, java.time.Duration.ofSeconds(30));
        assertThat(count("select count(*) from chat_attachments where id in ('" + sent + "', '" + fresh + "')"))
                .as("sent or young ones stay").isEqualTo(2);
        assertThat(blob(sent)).exists();
        assertThat(download(cora, sent).statusCode()).isEqualTo(200);
        java.nio.file.Path log = ConveneSuite.get().settings().stateDir().resolve("logs/payara.log");
        Eventually.get(() -> readQuietly(log), l -> l.matches("(?s).*Removed \\d+ unsent chat attachment.*"),
                java.time.Duration.ofSeconds(30));
    }

    private static String readQuietly(java.nio.file.Path file) {
        try {
            return java.nio.file.Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }

    /** The file that holds an attachment's bytes in the suite's blob folder. */
    private static java.nio.file.Path blob(String attachmentId) {
        return blobs().resolve(ConveneSuite.text("select storage_key from chat_attachments where id = '" + attachmentId + "'"));
    }

    private static java.nio.file.Path blobs() {
        return ConveneSuite.get().settings().stateDir().resolve("blobs");
    }

    /** Files of exactly this size in the blob folder (finished or partial): the test's files have sizes of their own. */
    private static List<java.nio.file.Path> blobsOfSize(long size) throws IOException {
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(blobs())) {
            return files.filter(f -> {
                try {
                    return java.nio.file.Files.size(f) == size;
                } catch (IOException gone) {
                    return false;
                }
            }).toList();
        }
    }

    @Test
    void badMessagesAreRefused() {
        long stored = count("select count(*) from chat_messages where meeting_id = '" + id + "'");
        assertThat(api().post("/api/meetings/" + id + "/chat/send", pablo, Map.of("text", "no id")).status()).isEqualTo(400);
        assertThat(api().post("/api/meetings/" + id + "/chat/send", pablo, Map.of("clientMessageId", "x1",
                "text", "x".repeat(4001))).status()).isEqualTo(400);
        Reply empty = api().post("/api/meetings/" + id + "/chat/send", pablo, Map.of("clientMessageId", "x2", "text", "  "));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("errors").get(0).get("field").asText()).isEqualTo("text");
        assertThat(send(pablo, "to nobody", UUID.randomUUID().toString()).status()).isEqualTo(404);
        assertThat(api().post("/api/meetings/" + id + "/chat/send", tokenOf(ADMIN), Map.of("clientMessageId", "x3",
                "text", "outsider")).status()).isEqualTo(404);
        assertThat(api().post("/api/meetings/" + id + "/chat/send", null, Map.of("clientMessageId", "x4",
                "text", "anonymous")).status()).isEqualTo(401);
        assertThat(count("select count(*) from chat_messages where meeting_id = '" + id + "'")).isEqualTo(stored);
    }

    // ------------------------------------------------------------------------------------------

    private Reply send(String token, String text, String to) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("clientMessageId", UUID.randomUUID().toString(),
                "text", text));
        if (to != null) {
            body.put("to", to);
        }
        return api().post("/api/meetings/" + id + "/chat/send", token, body);
    }

    private Reply react(String token, String messageId, String emoji) {
        return api().post("/api/meetings/" + id + "/chat/messages/" + messageId + "/reactions", token, Map.of("emoji", emoji));
    }

    private List<String> messages(String token, String query) {
        Reply r = api().get("/api/meetings/" + id + "/chat/messages" + query, token);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return texts(r.json().get("items"));
    }

    private static List<String> texts(JsonNode items) {
        List<String> texts = new ArrayList<>();
        items.forEach(i -> texts.add(i.get("text").asText()));
        return texts;
    }

    private static String textOf(JsonNode event) {
        return event.get("data").get("text").asText();
    }

    private JsonNode upload(String token, String name, String type, byte[] bytes) throws Exception {
        HttpResponse<byte[]> r = uploadRaw(token, name, type, bytes);
        assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(201);
        return Api.JSON.readTree(r.body());
    }

    private HttpResponse<byte[]> uploadRaw(String token, String name, String type, byte[] bytes)
            throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + "/chat/attachments"))
                .header("Authorization", "Bearer " + token).header("Content-Type", type).header("X-File-Name", name)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> download(String token, String fileId) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + "/chat/attachments/" + fileId))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private String base() {
        return ConveneSuite.get().settings().httpUrl() + "/api/meetings/" + id;
    }
}
