package io.convene.suite;

import static io.convene.suite.ConveneSuite.api;
import static io.convene.suite.ConveneSuite.count;
import static io.convene.suite.ConveneSuite.tokenOf;
import static io.convene.suite.Meetings.draft;
import static io.convene.suite.Meetings.schedule;
import static io.convene.suite.Meetings.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.convene.launcher.Suite;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Queue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;

/**
 * A burst of notices, as many changes at once make them: put on the broker's notices queue (the
 * JSON {@code Notices.publish} sends) faster than they are delivered, with a few among them that
 * fail in delivery. Busy sessions take the waiting notices along, several in one transaction (the
 * log says so); the bad ones end on the dead-letter queue, and they alone: every good notice is
 * stored, once for each recipient.
 */
class NoticeBurstIT extends SignedInPeople {

    private static final int GOOD = 600;
    private static final int BAD = 3;

    @Test
    void busySessionsDeliverWaitingNoticesTogetherAndABadNoticeHoldsUpNoOther() throws Exception {
        String burst = "burst-" + System.nanoTime();
        List<String> invitees = List.of(account(burst + "-a"), account(burst + "-b"));
        Reply meeting = schedule(host, with(draft("Burst"), "invitees", invitees));
        String id = meeting.text("id");
        List<String> recipients = new ArrayList<>();
        meeting.json().get("participants").forEach(p -> {
            if (!"HOST".equals(p.get("role").asText())) {
                recipients.add("\"" + p.get("participationId").asText() + "\"");
            }
        });
        assertThat(recipients).hasSize(2);
        List<String> notices = new ArrayList<>();
        Set<String> bad = new java.util.HashSet<>();
        for (int i = 0; i < GOOD + BAD; i++) {
            String noticeId = UUID.randomUUID().toString();
            boolean fails = i >= 20 && bad.size() < BAD; // side by side, near the front: no kind, readable, fails in delivery
            if (fails) {
                bad.add(noticeId);
            }
            notices.add("{\"id\":\"" + noticeId + "\"," + (fails ? "" : "\"kind\":\"ADMITTED\",") + "\"meetingId\":\"" + id
                    + "\",\"participationIds\":" + recipients + ",\"at\":\"" + Instant.now() + "\"}");
        }
        PayaraLog log = PayaraLog.mark();

        try (AutoCloseable held = ConveneSuite.get().broker().pause("convene.notices")) { // all of them wait at once
            publish(notices, 4);
        }

        assertThat(Eventually.get(() -> count("select count(*) from notifications where meeting_id = '" + id
                + "' and kind = 'ADMITTED'"), n -> n == 2L * GOOD, Duration.ofSeconds(90)))
                .as("every good notice, once for each recipient").isEqualTo(2L * GOOD);
        String admin = tokenOf(Meetings.ADMIN);
        Set<String> parked = Eventually.get(() -> deadNoticesOf(admin, id), found -> found.size() >= BAD, Duration.ofSeconds(120));
        assertThat(parked).as("the bad notices, and they alone, on the dead-letter queue").isEqualTo(bad);
        assertThat(log.written()).as("the log says notices went together")
                .anyMatch(line -> line.matches(".*Delivering \\d+ notices in one transaction.*"));
        Thread.sleep(16_000); // past the last redelivery (1 + 2 + 4 + 8 s) that could park another
        assertThat(deadNoticesOf(admin, id)).as("nothing more dead-lettered").isEqualTo(bad);
    }

    /** An account as a directory would make it (a verified address), straight in the database. */
    private static String account(String name) {
        String email = name + "@convene.example";
        ConveneSuite.execute("insert into users (id, subject, name, email, time_zone, created_at, status, email_verified) values ('"
                + UUID.randomUUID() + "', '" + name + "', '" + name + "', '" + email + "', 'UTC', now(), 'ACTIVE', true)");
        return email;
    }

    /** Sends the notices persistent from {@code senders} connections at once, as the nodes' transactions would. */
    private static void publish(List<String> notices, int senders) throws Exception {
        Suite suite = ConveneSuite.get();
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + suite.settings().brokerPort(),
                suite.settings().brokerUser(), suite.settings().brokerPassword());
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        try {
            List<Future<?>> sending = new ArrayList<>();
            for (int s = 0; s < senders; s++) {
                int from = s;
                sending.add(pool.submit(() -> {
                    try (JMSContext jms = factory.createContext()) {
                        Queue queue = jms.createQueue("convene.notices");
                        JMSProducer producer = jms.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT);
                        for (int i = from; i < notices.size(); i += senders) {
                            producer.send(queue, notices.get(i));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : sending) {
                f.get();
            }
        } finally {
            pool.shutdown();
            factory.close();
        }
    }

    /** The ids of the notices of this meeting on the dead-letter queue, as the administrators' list shows them. */
    private static Set<String> deadNoticesOf(String admin, String meetingId) {
        Reply r = api().get("/api/admin/notifications/dead-letters", admin);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<JsonNode> letters = new ArrayList<>();
        r.json().forEach(letters::add);
        return letters.stream().filter(l -> "convene.notices".equals(l.get("queue").asText()))
                .map(l -> l.get("body").asText()).filter(body -> body.contains(meetingId))
                .map(body -> body.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1")).collect(Collectors.toSet());
    }
}
