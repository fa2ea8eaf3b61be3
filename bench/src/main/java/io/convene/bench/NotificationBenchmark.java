package io.convene.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.convene.launcher.Suite;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Queue;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * Notifications per second end to end: N notices (each to the invitees of one meeting: three, or
 * as many as asked, the others people with accounts made for the run) put on the notices queue of a
 * fresh suite's broker, as a meeting change would, until all in-app notifications are stored (MDB,
 * PostgreSQL). Prints notices/s and notifications/s.
 * {@code java -cp bench/target/convene-bench.jar io.convene.bench.NotificationBenchmark [N] [senders] [invitees]}
 */
public final class NotificationBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> INVITEES = List.of("pablo@convene.example", "cora@convene.example",
            "ada@convene.example");

    private NotificationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int notices = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int senders = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int invitees = args.length > 2 ? Integer.parseInt(args[2]) : INVITEES.size();
        try (Suite suite = SuiteClient.startSuite("suite")) {
            run(suite, notices, senders, invitees);
        }
        System.exit(0);
    }

    /** Notifications stored a second, end to end. */
    static double run(Suite suite, int notices, int senders) throws Exception {
        return run(suite, notices, senders, INVITEES.size());
    }

    static double run(Suite suite, int notices, int senders, int inviteeCount) throws Exception {
        SuiteClient client = new SuiteClient(suite);
        String host = client.tokenOf("hana@convene.example");
        List<String> invitees = new ArrayList<>(INVITEES.subList(0, Math.min(inviteeCount, INVITEES.size())));
        for (String email : invitees) { // their accounts exist from their first call on
            client.send("GET", "/api/users/profile", client.tokenOf(email), null);
        }
        invitees.addAll(peopleWithAccounts(suite, inviteeCount - invitees.size()));
        LocalDateTime start = LocalDateTime.now().plusDays(400).truncatedTo(ChronoUnit.HOURS); // clear of the other benchmarks' meetings
        JsonNode meeting = client.send("POST", "/api/meetings/schedule", host, Map.of(
                "title", "Notified a lot", "start", start.toString(), "end", start.plusHours(1).toString(),
                "timeZone", "UTC", "invitees", invitees));
        String meetingId = meeting.get("id").asText();
        List<String> recipients = new ArrayList<>();
        meeting.get("participants").forEach(p -> {
            if (!"HOST".equals(p.get("role").asText())) {
                recipients.add(p.get("participationId").asText());
            }
        });
        String to = JSON.writeValueAsString(recipients);
        long expected = (long) notices * recipients.size() + recipients.size(); // and the invitation

        System.out.printf("%nConvene notification benchmark: %d notices to %d users each, %d senders%n",
                notices, recipients.size(), senders);
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(
                "tcp://127.0.0.1:" + suite.settings().brokerPort(), suite.settings().brokerUser(),
                suite.settings().brokerPassword());
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        long t0 = System.nanoTime();
        List<Future<?>> sending = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            int share = notices / senders + (s < notices % senders ? 1 : 0);
            sending.add(pool.submit(() -> {
                try (JMSContext jms = factory.createContext()) {
                    Queue queue = jms.createQueue("convene.notices");
                    JMSProducer producer = jms.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT);
                    for (int i = 0; i < share; i++) {
                        producer.send(queue, "{\"id\":\"" + UUID.randomUUID() + "\",\"kind\":\"CHANGED\",\"meetingId\":\""
                                + meetingId + "\",\"participationIds\":" + to + ",\"at\":\"" + Instant.now() + "\"}");
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : sending) {
            f.get();
        }
        long published = System.nanoTime();
        long stored;
        try (Connection db = DriverManager.getConnection(suite.dbUrl(), suite.dbUser(), suite.dbPassword());
             PreparedStatement count = db.prepareStatement("select count(*) from notifications where meeting_id = ?::uuid")) {
            count.setString(1, meetingId);
            do {
                Thread.sleep(50);
                try (ResultSet r = count.executeQuery()) {
                    r.next();
                    stored = r.getLong(1);
                }
            } while (stored < expected && System.nanoTime() - published < 600_000_000_000L);
        }
        long done = System.nanoTime();
        pool.shutdown();
        double publishSeconds = (published - t0) / 1e9;
        double totalSeconds = (done - t0) / 1e9;
        System.out.printf("  published %d notices in %.1f s (%.0f/s)%n", notices, publishSeconds, notices / publishSeconds);
        System.out.printf("  stored %d of %d in-app notifications in %.1f s: %.0f notices/s, %.0f notifications/s end to end%n",
                stored, expected, totalSeconds, notices / totalSeconds, (stored - recipients.size()) / totalSeconds);
        return (stored - recipients.size()) / totalSeconds;
    }

    /** Accounts as a directory or a first sign-in would have made them (verified addresses), straight in the database. */
    private static List<String> peopleWithAccounts(Suite suite, int count) throws Exception {
        List<String> emails = new ArrayList<>();
        if (count <= 0) {
            return emails;
        }
        try (Connection db = DriverManager.getConnection(suite.dbUrl(), suite.dbUser(), suite.dbPassword());
             PreparedStatement add = db.prepareStatement("""
                     insert into users (id, subject, name, email, time_zone, created_at, status, email_verified)
                     values (?, ?, ?, ?, 'UTC', now(), 'ACTIVE', true)""")) {
            for (int i = 0; i < count; i++) {
                String email = "bench-invitee-" + i + "@convene.example";
                add.setObject(1, UUID.randomUUID());
                add.setString(2, "bench-invitee-" + i);
                add.setString(3, "Bench invitee " + i);
                add.setString(4, email);
                add.addBatch();
                emails.add(email);
            }
            add.executeBatch();
        }
        return emails;
    }
}
