package io.convene.suite;

import static io.convene.suite.ConveneSuite.api;
import static io.convene.suite.Meetings.draft;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL crashes (every process SIGKILLed) while three people chat as fast as they can: every
 * message Convene acknowledged (201) is there after the restart, once. With commits acknowledged
 * before they reach the write-ahead log ({@code synchronous_commit=off}) the last fraction of a
 * second of them would be gone. The senders are refused (503) while it is down and carry on by
 * themselves after; the log gets a few stack traces of each kind of failure, not one per refused call.
 */
class DatabaseCrashIT extends SignedInPeople {

    private static final long FRAMES_AT_MOST = 5_000;

    @Test
    void everyAcknowledgedChatMessageOutlivesACrashOfPostgresql() throws Exception {
        Meetings.Gathering g = Meetings.gather(host, pablo, cora, draft("Chat through a database crash"));
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger refused = new AtomicInteger();
        AtomicBoolean sending = new AtomicBoolean(true);
        ExecutorService senders = Executors.newFixedThreadPool(3);
        for (String[] sender : new String[][] {{"host", host}, {"pablo", pablo}, {"cora", cora}}) {
            senders.submit(() -> {
                for (int n = 0; sending.get(); n++) {
                    String id = sender[0] + "-" + n;
                    try {
                        Reply r = api().post("/api/meetings/" + g.id() + "/chat/send", sender[1],
                                Map.of("clientMessageId", id, "text", "message " + id));
                        if (r.status() == 201) {
                            acknowledged.add(id);
                        } else {
                            refused.incrementAndGet();
                        }
                    } catch (RuntimeException unanswered) {
                        refused.incrementAndGet();
                    }
                }
            });
        }
        Eventually.get(acknowledged::size, n -> n >= 300, Duration.ofSeconds(120));
        int beforeCrash;
        PayaraLog log = PayaraLog.mark();
        try (AutoCloseable crash = ConveneSuite.get().crashDatabase()) {
            beforeCrash = acknowledged.size();
            Eventually.get(refused::get, r -> r >= 3, Duration.ofSeconds(30));
        }
        Eventually.get(acknowledged::size, n -> n >= beforeCrash + 300, Duration.ofSeconds(120));
        sending.set(false);
        senders.shutdown();
        assertThat(senders.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        long frames = log.stackFrames();

        List<String> stored = new ArrayList<>();
        try (Connection c = ConveneSuite.database();
             PreparedStatement s = c.prepareStatement("select client_message_id from chat_messages where meeting_id = ?::uuid")) {
            s.setString(1, g.id());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    stored.add(r.getString(1));
                }
            }
        }
        Set<String> lost = ConcurrentHashMap.newKeySet();
        lost.addAll(acknowledged);
        stored.forEach(lost::remove);
        System.out.printf("Through a PostgreSQL crash: %d messages acknowledged (%d before it), %d refused or unanswered, "
                + "%d stored, %d acknowledged and lost; %d stack frames logged%n", acknowledged.size(), beforeCrash, refused.get(),
                stored.size(), lost.size(), frames);
        assertThat(lost).as("acknowledged, then lost in the crash").isEmpty();
        assertThat(stored).as("each once").doesNotHaveDuplicates();
        // measured before repeated failures were counted instead: 57,490 frames, a stack trace per refused call; after: 2,569
        assertThat(frames).as("a few stack traces a minute per kind of failure, not one per refused call")
                .isLessThan(FRAMES_AT_MOST);
    }
}
