package io.convene.bench;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import io.convene.launcher.EmbeddedBroker;
import io.convene.launcher.FreePorts;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * How a meeting's event reaches the node that holds a participant's socket, three ways, measured
 * side by side without Payara. Each event is first stored (Convene stores every event: resume,
 * audit), then:
 * <ul>
 *   <li><b>PostgreSQL</b>: NOTIFY in the same transaction; the listening connection (the other node)
 *       is told the meeting has news and reads the events after the last one it had — what Convene
 *       does;</li>
 *   <li><b>Artemis</b>: after the commit, the event is published on a topic (not persistent); a
 *       subscriber on another connection has it;</li>
 *   <li><b>Hazelcast</b>: after the commit, published on an ITopic of one member; a second member
 *       of the same cluster (over loopback TCP) has it.</li>
 * </ul>
 * Latency is from the start of the storing transaction to the event in the other node's hands, at a
 * fixed rate and then as fast as one publisher goes; order is checked (each event's sequence number
 * must come after the last one seen).
 *
 * <pre>java -cp bench/target/convene-bench.jar io.convene.bench.FanoutBenchmark [rate=500] [seconds=10] [burst=5000]</pre>
 */
public final class FanoutBenchmark {

    /** One way of moving events between nodes: publish after storing, and a receiver on "the other node". */
    interface Mechanism extends AutoCloseable {
        String name();

        /** Called inside the storing transaction, before its commit. */
        default void inTransaction(Connection c, long seq) throws SQLException {
        }

        /** Called after the commit. */
        default void afterCommit(long seq) throws Exception {
        }
    }

    private final DataSource db;
    private final Map<Long, Long> startedAt = new ConcurrentHashMap<>();
    private final Map<Long, Long> arrivedAt = new ConcurrentHashMap<>();
    private final AtomicLong lastSeen = new AtomicLong();
    private final AtomicBoolean outOfOrder = new AtomicBoolean();
    private final AtomicLong seq = new AtomicLong();
    private final long first;
    private Connection publishing;

    /** @param firstSeq where this run's sequence numbers start (the runs share the events table) */
    private FanoutBenchmark(DataSource db, long firstSeq) {
        this.db = db;
        this.first = firstSeq;
        this.seq.set(firstSeq);
        this.lastSeen.set(firstSeq);
    }

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int burst = args.length > 2 ? Integer.parseInt(args[2]) : 5000;
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT %4$s %3$s: %5$s%6$s%n");
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        Path dir = Files.createTempDirectory("convene-fanout");
        List<String> rows = new ArrayList<>();
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            DataSource db = pg.getPostgresDatabase();
            try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
                s.execute("create table events (seq bigint primary key, meeting_id uuid not null, payload text not null)");
            }
            FanoutBenchmark postgres = new FanoutBenchmark(db, 0);
            rows.add(postgres.run(postgres.new PostgresNotify(db), rate, seconds, burst));
            try (EmbeddedBroker broker = EmbeddedBroker.start(dir.resolve("artemis"), FreePorts.pick(), "bench", "bench-secret")) {
                FanoutBenchmark artemis = new FanoutBenchmark(db, 1_000_000);
                rows.add(artemis.run(artemis.new ArtemisTopic(broker.port()), rate, seconds, burst));
            }
            FanoutBenchmark hazelcast = new FanoutBenchmark(db, 2_000_000);
            rows.add(hazelcast.run(hazelcast.new HazelcastTopic(), rate, seconds, burst));
        }
        System.out.printf("%nEvent fan-out between two nodes (%d cores; PostgreSQL, broker and both ends on this machine)%n",
                Runtime.getRuntime().availableProcessors());
        System.out.printf("| mechanism | at %d/s: p50 / p99 / max | as fast as one publisher: events/s, p99 | in order |%n", rate);
        System.out.println("|---|---|---|---|");
        rows.forEach(System.out::println);
        System.exit(0);
    }

    private String run(Mechanism m, int rate, int seconds, int burst) throws Exception {
        try (m) {
            Thread.sleep(1000); // the receiver settles
            System.out.printf("%n%s%n", m.name());
            long interval = 1_000_000_000L / rate;
            long t0 = System.nanoTime();
            int paced = rate * seconds;
            for (int i = 0; i < paced; i++) {
                long wait = t0 + i * interval - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                publish(m);
            }
            awaitAll(paced);
            long[] steady = percentiles(first + 1, first + paced);
            long b0 = System.nanoTime();
            for (int i = 0; i < burst; i++) {
                publish(m);
            }
            awaitAll(paced + burst);
            double perSecond = burst / ((System.nanoTime() - b0) / 1e9);
            long[] fast = percentiles(first + paced + 1, first + paced + burst);
            System.out.printf("  paced: p50 %d us, p99 %d us, max %d us; burst: %.0f events/s, p99 %d us; %d of %d arrived%n",
                    steady[0], steady[1], steady[2], perSecond, fast[1], arrivedAt.size(), paced + burst);
            return String.format("| %s | %.1f / %.1f / %.1f ms | %.0f/s, %.1f ms | %s |", m.name(), steady[0] / 1000.0,
                    steady[1] / 1000.0, steady[2] / 1000.0, perSecond, fast[1] / 1000.0,
                    outOfOrder.get() ? "no" : "yes");
        }
    }

    /** Stores one event (as Convene does) and hands it to the mechanism. */
    private void publish(Mechanism m) throws Exception {
        long n = seq.incrementAndGet();
        startedAt.put(n, System.nanoTime());
        Connection c = publishing();
        try (PreparedStatement insert = c.prepareStatement("insert into events values (?, ?, ?)")) {
            insert.setLong(1, n);
            insert.setObject(2, MEETING);
            insert.setString(3, "{\"type\":\"chat.message\",\"seq\":" + n + ",\"text\":\"hello everyone\"}");
            insert.executeUpdate();
        }
        m.inTransaction(c, n);
        c.commit();
        m.afterCommit(n);
    }

    private static final UUID MEETING = UUID.randomUUID();

    /** The publishing node's connection, kept as a pool would keep it. */
    private Connection publishing() throws SQLException {
        if (publishing == null) {
            publishing = db.getConnection();
            publishing.setAutoCommit(false);
        }
        return publishing;
    }

    private void arrived(long n) {
        arrivedAt.putIfAbsent(n, System.nanoTime());
        long before = lastSeen.getAndAccumulate(n, Math::max);
        if (n <= before) {
            outOfOrder.set(true);
        }
    }

    private void awaitAll(long count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (arrivedAt.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    /** p50, p99 and max in microseconds of events {@code from}..{@code to}. */
    private long[] percentiles(long from, long to) {
        List<Long> micros = new ArrayList<>();
        for (long n = from; n <= to; n++) {
            Long a = arrivedAt.get(n);
            if (a != null) {
                micros.add((a - startedAt.get(n)) / 1000);
            }
        }
        Collections.sort(micros);
        if (micros.isEmpty()) {
            return new long[] {-1, -1, -1};
        }
        return new long[] {micros.get(micros.size() / 2), micros.get((int) Math.min(micros.size() - 1, micros.size() * 0.99)),
                micros.get(micros.size() - 1)};
    }

    /** NOTIFY with the transaction; the listener reads what is new, as ChannelNotifications and ChannelHub do. */
    private final class PostgresNotify implements Mechanism {
        private final Connection listening;
        private final Thread listener;
        private volatile boolean running = true;

        PostgresNotify(DataSource db) throws SQLException {
            listening = db.getConnection();
            try (Statement s = listening.createStatement()) {
                s.execute("listen meeting_events");
            }
            listener = new Thread(this::listen, "pg-listener");
            listener.start();
        }

        @Override
        public String name() {
            return "PostgreSQL LISTEN/NOTIFY, then read the new events";
        }

        @Override
        public void inTransaction(Connection c, long n) throws SQLException {
            try (PreparedStatement notify = c.prepareStatement("select pg_notify('meeting_events', ?)")) {
                notify.setString(1, MEETING.toString());
                notify.execute();
            }
        }

        private void listen() {
            try (PreparedStatement read = listening.prepareStatement(
                    "select seq, payload from events where meeting_id = ? and seq > ? order by seq")) {
                PGConnection pg = listening.unwrap(PGConnection.class);
                long last = first;
                while (running) {
                    PGNotification[] news = pg.getNotifications(100);
                    if (news == null || news.length == 0) {
                        continue;
                    }
                    read.setObject(1, MEETING);
                    read.setLong(2, last);
                    try (ResultSet r = read.executeQuery()) {
                        while (r.next()) {
                            last = r.getLong(1);
                            r.getString(2);
                            arrived(last);
                        }
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    throw new IllegalStateException(e);
                }
            }
        }

        @Override
        public void close() throws Exception {
            running = false;
            listener.join(2000);
            listening.close();
        }
    }

    /** A topic on the broker every node already uses; one connection publishes, another subscribes. */
    private final class ArtemisTopic implements Mechanism {
        private final JMSContext publishing;
        private final JMSContext subscribing;
        private final JMSProducer producer;
        private final Topic topic;

        ArtemisTopic(int port) {
            ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + port, "bench", "bench-secret");
            publishing = factory.createContext();
            subscribing = factory.createContext();
            topic = publishing.createTopic("convene.meeting-events");
            subscribing.createConsumer(subscribing.createTopic("convene.meeting-events")).setMessageListener(message -> {
                try {
                    arrived(message.getLongProperty("seq"));
                    ((TextMessage) message).getText();
                } catch (jakarta.jms.JMSException e) {
                    throw new IllegalStateException(e);
                }
            });
            producer = publishing.createProducer().setDeliveryMode(DeliveryMode.NON_PERSISTENT);
        }

        @Override
        public String name() {
            return "Artemis topic (non-persistent), after the commit";
        }

        @Override
        public void afterCommit(long n) {
            producer.setProperty("seq", n).send(topic, "{\"type\":\"chat.message\",\"seq\":" + n + ",\"text\":\"hello everyone\"}");
        }

        @Override
        public void close() {
            subscribing.close();
            publishing.close();
        }
    }

    /** An ITopic between two members of one Hazelcast cluster on loopback. */
    private final class HazelcastTopic implements Mechanism {
        private final HazelcastInstance a;
        private final HazelcastInstance b;
        private final ITopic<String> topic;

        HazelcastTopic() {
            int portA = FreePorts.pick();
            int portB = FreePorts.pick();
            a = Hazelcast.newHazelcastInstance(config(portA, portB));
            b = Hazelcast.newHazelcastInstance(config(portB, portA));
            b.<String>getTopic("meeting-events").addMessageListener(message -> {
                String text = message.getMessageObject();
                arrived(Long.parseLong(text.substring(text.indexOf("\"seq\":") + 6, text.indexOf(",\"text\""))));
            });
            topic = a.getTopic("meeting-events");
        }

        private Config config(int port, int other) {
            Config config = new Config().setClusterName("fanout-bench");
            config.setProperty("hazelcast.logging.type", "jdk");
            config.setProperty("hazelcast.phone.home.enabled", "false");
            config.getNetworkConfig().setPort(port).setPortAutoIncrement(false);
            config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
            JoinConfig join = config.getNetworkConfig().getJoin();
            join.getMulticastConfig().setEnabled(false);
            join.getAutoDetectionConfig().setEnabled(false);
            join.getTcpIpConfig().setEnabled(true).addMember("127.0.0.1:" + port).addMember("127.0.0.1:" + other);
            return config;
        }

        @Override
        public String name() {
            return "Hazelcast ITopic (two members), after the commit";
        }

        @Override
        public void afterCommit(long n) {
            topic.publish("{\"type\":\"chat.message\",\"seq\":" + n + ",\"text\":\"hello everyone\"}");
        }

        @Override
        public void close() {
            b.shutdown();
            a.shutdown();
        }
    }
}
