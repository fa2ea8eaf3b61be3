package io.convene.suite;

import static io.convene.suite.ConveneSuite.api;
import static io.convene.suite.Meetings.draft;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.convene.launcher.ConveneCluster;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two more Payara Micro nodes with the same Convene WAR, in one data grid, sharing the suite's
 * PostgreSQL, Artemis and Keycloak (the suite's own node runs beside them: three in all). People
 * connected to different nodes are in one meeting: chat, controls and removals reach everyone in
 * order, once; a killed node's clients come back through HAProxy on the other node with nothing
 * lost or repeated; a reminder goes out once although every node's clock ticks; a periodic job
 * moves to a running node when its holder's lease runs out, and not before.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT extends SignedInPeople {

    static ConveneCluster cluster;
    static Api a;
    static Api b;
    static String balanced;

    @BeforeAll
    static void twoNodes() {
        long t0 = System.nanoTime();
        cluster = ConveneCluster.start(ConveneSuite.get(), "cluster-node", 2);
        a = new Api(cluster.nodes().get(0).url());
        b = new Api(cluster.nodes().get(1).url());
        balanced = cluster.startLoadBalancer();
        System.out.printf("ClusterIT: two nodes and HAProxy ready in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void theNodesFormOneDataGrid() {
        for (ConveneCluster.Node node : cluster.nodes()) {
            String log = Eventually.get(() -> read(node), text -> text.contains("DG Size: 2"), Duration.ofSeconds(60));
            assertThat(log).as(node.name() + " sees both members").contains("DG Size: 2");
        }
    }

    @Test
    @Order(2)
    void chatControlsAndRemovalsReachEveryoneWhateverTheirNode() {
        Meetings.Gathering g = Meetings.gather(host, pablo, cora, draft("Across nodes"));
        try (ChannelClient hostOnA = ChannelClient.withBearer(a.base(), g.id(), host);
             ChannelClient pabloOnB = ChannelClient.withBearer(b.base(), g.id(), pablo);
             ChannelClient coraOnB = ChannelClient.withBearer(b.base(), g.id(), cora)) {
            hostOnA.next();
            pabloOnB.next();
            coraOnB.next();

            assertThat(chat(b, g.id(), pablo, "from B").status()).isEqualTo(201);
            assertThat(chat(a, g.id(), host, "from A").status()).isEqualTo(201);
            assertThat(HostControlsIT.controlAt(a, g.id(), host, "LOCK", null).status()).isEqualTo(200);

            List<JsonNode> atHost = events(hostOnA, 3);
            assertThat(kinds(atHost)).containsExactly("chat.message from B", "chat.message from A", "meeting.locked");
            assertThat(seqs(events(pabloOnB, 3))).as("the same events, in the same order, on the other node")
                    .isEqualTo(seqs(atHost));
            assertThat(seqs(events(coraOnB, 3))).isEqualTo(seqs(atHost));

            assertThat(HostControlsIT.controlAt(a, g.id(), host, "REMOVE", g.coraP()).status()).isEqualTo(200);
            assertThat(coraOnB.awaitEvent("participant.removed").at("/data/participationId").asText()).isEqualTo(g.coraP());
            assertThat(coraOnB.closeCode()).as("the host on A removed her; her socket on B closes").isEqualTo(4403);
            assertThat(pabloOnB.awaitEvent("participant.removed").get("seq").asLong())
                    .isEqualTo(hostOnA.awaitEvent("participant.removed").get("seq").asLong());
            assertThat(pabloOnB.drain(Duration.ofSeconds(1))).as("nothing twice").isEmpty();
        }
    }

    /**
     * Node B remembers for a minute that it found someone active, so that their calls do not read
     * their standing each time; their deactivation on node A reaches B when it commits. The usage
     * report is refused to a deactivated person by the standing check alone (its service reads no
     * user row), so without the announcement B would serve it for up to a minute.
     */
    @Test
    @Order(3)
    void aDeactivationOnOneNodeBitesOnTheOtherAtOnce() {
        String email = LocalAccounts.address("cluster.leaver");
        String subject = LocalAccounts.make(email, "participant");
        String token = LocalAccounts.signIn(email);
        String usage = "/api/analytics/usage?from=2026-01-01&to=2026-02-01";
        assertThat(b.get("/api/users/profile", token).status()).isEqualTo(200);
        assertThat(b.get(usage, token).status()).as("B found her active").isEqualTo(200);
        Reply metrics = b.send("GET", "/metrics", ConveneSuite.tokenOf(Meetings.ADMIN), null, Map.of("Accept", "text/plain"));
        assertThat(metrics.raw()).as("B remembers people it found active (so it does not read her standing again)")
                .containsPattern("convene_accounts_remembered_active\\{[^}]*\\} [1-9]");

        Reply off = a.put("/api/admin/accounts/" + subject + "/enabled", ConveneSuite.tokenOf(Meetings.ADMIN),
                Map.of("enabled", false));
        assertThat(off.status()).as(off.toString()).isEqualTo(200);

        long t0 = System.nanoTime();
        Reply refused = Eventually.get(() -> b.get(usage, token), r -> r.status() == 401, Duration.ofSeconds(2));
        assertThat(refused.status()).as("refused on B within 2 s, not after the minute B remembers").isEqualTo(401);
        assertThat(refused.text("detail")).isEqualTo("This account is deactivated; ask an administrator");
        System.out.printf("ClusterIT: the deactivation made on A was refused on B after %d ms%n", (System.nanoTime() - t0) / 1_000_000);
    }

    @Test
    @Order(4)
    void aReminderGoesOutOnceThoughEveryNodesClockTicks() throws InterruptedException {
        String admin = ConveneSuite.tokenOf(Meetings.ADMIN);
        // in an hour, reminded two hours before: due now, and clear of the slots RemindersIT and ThrottleIT give the same host
        LocalDateTime start = LocalDateTime.now(ZoneId.of("Europe/Berlin")).plusMinutes(60).truncatedTo(ChronoUnit.MINUTES);
        Map<String, Object> soon = new HashMap<>(Map.of("title", "Reminded on one node", "start", start.toString(),
                "end", start.plusMinutes(5).toString(), "timeZone", "Europe/Berlin", "invitees", List.of(Meetings.HOST),
                "reminderMinutes", 120));
        String id = b.post("/api/meetings/schedule", admin, soon).text("id");
        assertThat(NotificationsIT.awaitKinds(host, id, 2)).containsExactly("REMINDER", "INVITED");
        Thread.sleep(16_000); // another round of every node's reminder clock
        assertThat(NotificationsIT.ofMeeting(NotificationsIT.mine(host, false), id))
                .extracting(n -> n.get("kind").asText()).containsExactly("REMINDER", "INVITED");
    }

    @Test
    @Order(5)
    void aPeriodicJobMovesWhenItsHoldersLeaseRunsOutAndNotBefore() throws Exception {
        // as if a node that stopped held one job's lease, and a node that lives held another's
        ConveneSuite.execute("insert into job_leases values ('directory-syncs', 'a node that stopped', now() - interval '1 second')"
                + " on conflict (job) do update set holder = excluded.holder, expires_at = excluded.expires_at");
        ConveneSuite.execute("insert into job_leases values ('privacy-upkeep', 'a node that lives', now() + interval '10 minutes')"
                + " on conflict (job) do update set holder = excluded.holder, expires_at = excluded.expires_at");
        String taker = Eventually.get(() -> holder("directory-syncs"), h -> !h.equals("a node that stopped"),
                Duration.ofSeconds(75)); // every node ticks once a minute
        assertThat(taker).as("a running node took the job over").matches("\\d+@.+");
        assertThat(holder("privacy-upkeep")).as("a lease still running is left alone").isEqualTo("a node that lives");
        ConveneSuite.execute("delete from job_leases where job = 'privacy-upkeep'");
    }

    private static String holder(String job) {
        return ConveneSuite.text("select holder from job_leases where job = '" + job + "'");
    }

    @Test
    @Order(6)
    void aKilledNodesClientsResumeOnTheOtherWithNothingLostOrRepeated() {
        Meetings.Gathering g = Meetings.gather(host, pablo, cora, draft("Failover"));
        long lastSeen;
        List<String> before = List.of("one", "two", "three");
        List<String> during = List.of("four", "five", "six");
        try (ChannelClient hostOnB = ChannelClient.withBearer(b.base(), g.id(), host)) {
            hostOnB.next();
            ChannelClient pabloOnA = ChannelClient.withBearer(a.base(), g.id(), pablo);
            pabloOnA.next();
            before.forEach(text -> assertThat(chat(b, g.id(), host, text).status()).isEqualTo(201));
            List<JsonNode> seen = events(pabloOnA, 3);
            assertThat(texts(seen)).isEqualTo(before);
            lastSeen = seen.get(2).get("seq").asLong();

            cluster.nodes().get(0).kill();
            assertThat(pabloOnA.closeCode()).as("the node died under his socket").isNotEqualTo(1000);
            during.forEach(text -> assertThat(chat(b, g.id(), host, text).status()).isEqualTo(201));

            // the client tries again, through the load balancer, which now has only node B
            ChannelClient pabloAgain = Eventually.get(() -> reconnect(g.id()), c -> c != null, Duration.ofSeconds(30));
            try (pabloAgain) {
                JsonNode hello = pabloAgain.next();
                assertThat(hello.get("type").asText()).isEqualTo("hello");
                pabloAgain.send(Map.of("type", "resume", "after", lastSeen));
                List<JsonNode> missed = events(pabloAgain, 3);
                assertThat(texts(missed)).isEqualTo(during);
                assertThat(seqs(missed)).containsExactly(lastSeen + 1, lastSeen + 2, lastSeen + 3);
                assertThat(chat(b, g.id(), host, "seven").status()).isEqualTo(201);
                assertThat(texts(events(pabloAgain, 1))).containsExactly("seven");
                assertThat(pabloAgain.drain(Duration.ofSeconds(1))).as("nothing twice").isEmpty();
                assertThat(texts(events(hostOnB, 7))).containsExactly("one", "two", "three", "four", "five", "six", "seven");
            }
        }
    }

    private static ChannelClient reconnect(String meetingId) {
        try {
            return ChannelClient.withBearer(balanced, meetingId, pablo);
        } catch (RuntimeException notYet) {
            return null;
        }
    }

    static Reply chat(Api node, String meetingId, String token, String text) {
        return node.post("/api/meetings/" + meetingId + "/chat/send", token,
                Map.of("clientMessageId", UUID.randomUUID().toString(), "text", text));
    }

    /** The next {@code count} events (other messages skipped). */
    static List<JsonNode> events(ChannelClient socket, int count) {
        List<JsonNode> events = new ArrayList<>();
        while (events.size() < count) {
            JsonNode m = socket.next();
            if ("event".equals(m.path("type").asText())) {
                events.add(m);
            }
        }
        return events;
    }

    static List<String> kinds(List<JsonNode> events) {
        return events.stream().map(e -> e.get("event").asText()
                + (e.get("event").asText().equals("chat.message") ? " " + e.at("/data/text").asText() : "")).toList();
    }

    static List<String> texts(List<JsonNode> events) {
        return events.stream().map(e -> e.at("/data/text").asText()).toList();
    }

    static List<Long> seqs(List<JsonNode> events) {
        return events.stream().map(e -> e.get("seq").asLong()).toList();
    }

    private static String read(ConveneCluster.Node node) {
        try {
            return Files.readString(node.log());
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
