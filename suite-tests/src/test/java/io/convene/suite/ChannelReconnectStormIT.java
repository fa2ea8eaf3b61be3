package io.convene.suite;

import static io.convene.suite.ConveneSuite.api;
import static io.convene.suite.Meetings.draft;
import static io.convene.suite.Meetings.schedule;
import static io.convene.suite.Meetings.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Sockets that reconnect over and over (as the join page does: {@code ?after=} the last seq seen)
 * while thousands of chat messages flow through the meeting: every socket's run of sockets sees
 * every event exactly once, in order — compared with the meeting's events as the database has them.
 */
class ChannelReconnectStormIT extends SignedInPeople {

    private static final int SENDERS = 4;
    private static final int MESSAGES_PER_SENDER = 400;
    private static final int CHAINS_PER_PERSON = 2; // with a closing socket beside each, within the 5 a participation may hold

    /** One socket after another for one participant, reconnecting at random moments; what they received, in order. */
    private static final class Chain implements Runnable {
        final String meetingId;
        final String ticket;
        final AtomicBoolean storming;
        final List<Long> seqs = new ArrayList<>();
        long start;
        int reconnects;
        /** What it is doing now: said when it does not finish. */
        volatile String doing = "starting";

        Chain(String meetingId, String ticket, AtomicBoolean storming) {
            this.meetingId = meetingId;
            this.ticket = ticket;
            this.storming = storming;
        }

        long lastSeen() {
            return seqs.isEmpty() ? start : seqs.get(seqs.size() - 1);
        }

        @Override
        public void run() {
            java.util.Random random = new java.util.Random();
            try (ChannelClient first = ChannelClient.withTicket(meetingId, ticket)) {
                start = first.next().get("seq").asLong();
                take(first, Duration.ofMillis(random.nextInt(300)));
            }
            while (storming.get()) {
                doing = "reconnecting after " + lastSeen() + " (reconnect " + (reconnects + 1) + ")";
                try (ChannelClient again = ChannelClient.withTicketAfter(meetingId, ticket, lastSeen())) {
                    doing = "awaiting the hello after " + lastSeen();
                    JsonNode hello = again.next();
                    doing = "receiving after " + lastSeen();
                    assertThat(hello.get("type").asText()).isEqualTo("hello");
                    reconnects++;
                    take(again, Duration.ofMillis(50 + random.nextInt(300)));
                }
            }
            doing = "opening the last socket after " + lastSeen();
            try (ChannelClient last = ChannelClient.withTicketAfter(meetingId, ticket, lastSeen())) {
                last.next();
                doing = "receiving the last events after " + lastSeen();
                take(last, Duration.ofSeconds(3)); // the last events, after the senders stopped
            }
        }

        /** Keeps the events one socket receives for a while (cut off mid-stream, as a dropped connection is). */
        private void take(ChannelClient socket, Duration during) {
            long until = System.nanoTime() + during.toNanos();
            while (System.nanoTime() < until) {
                List<JsonNode> got = socket.drain(Duration.ofMillis(20));
                got.stream().filter(m -> "event".equals(m.path("type").asText()))
                        .forEach(m -> seqs.add(m.get("seq").asLong()));
            }
        }
    }

    @Test
    void everyReconnectingSocketSeesEveryEventOnceAndInOrder() throws Exception {
        String id = schedule(host, with(draft("Reconnect storm"), "settings", Map.of("joinBeforeHost", true))).text("id");
        String hostTicket = api().post("/api/meetings/" + id + "/join", host, Map.of()).text("channelTicket");
        String pabloTicket = api().post("/api/meetings/" + id + "/join", pablo, Map.of()).text("channelTicket");

        AtomicBoolean storming = new AtomicBoolean(true);
        List<Chain> chains = new ArrayList<>();
        for (int i = 0; i < CHAINS_PER_PERSON; i++) {
            chains.add(new Chain(id, hostTicket, storming));
            chains.add(new Chain(id, pabloTicket, storming));
        }
        ExecutorService pool = Executors.newFixedThreadPool(chains.size() + SENDERS);
        try {
            List<Future<?>> listening = new ArrayList<>();
            chains.forEach(chain -> listening.add(pool.submit(chain)));
            Eventually.get(() -> chains.stream().allMatch(c -> c.start > 0), all -> all, Duration.ofSeconds(20));
            List<Future<Integer>> senders = new ArrayList<>();
            for (int s = 0; s < SENDERS; s++) {
                String sender = s % 2 == 0 ? host : pablo;
                senders.add(pool.submit(() -> {
                    int sent = 0;
                    for (int m = 0; m < MESSAGES_PER_SENDER; m++) {
                        Reply r = api().post("/api/meetings/" + id + "/chat/send", sender,
                                Map.of("clientMessageId", UUID.randomUUID().toString(), "text", "storm " + m));
                        sent += r.status() == 201 || r.status() == 200 ? 1 : 0;
                    }
                    return sent;
                }));
            }
            int sent = 0;
            for (Future<Integer> f : senders) {
                sent += f.get(10, TimeUnit.MINUTES);
            }
            storming.set(false);
            for (int i = 0; i < listening.size(); i++) {
                try {
                    listening.get(i).get(2, TimeUnit.MINUTES);
                } catch (java.util.concurrent.TimeoutException e) {
                    throw new AssertionError("A run of sockets did not finish: " + chains.get(i).doing, e);
                }
            }
            assertThat(sent).isEqualTo(SENDERS * MESSAGES_PER_SENDER);
        } finally {
            pool.shutdownNow();
        }

        long minStart = chains.stream().mapToLong(c -> c.start).min().orElseThrow();
        List<Long> stored = new ArrayList<>();
        try (var c = ConveneSuite.database(); var st = c.prepareStatement(
                "select seq from meeting_events where meeting_id = ? and seq > ? order by seq")) {
            st.setObject(1, UUID.fromString(id));
            st.setLong(2, minStart);
            try (var r = st.executeQuery()) {
                while (r.next()) {
                    stored.add(r.getLong(1));
                }
            }
        }
        assertThat(stored.size()).as("the meeting's events").isGreaterThanOrEqualTo(SENDERS * MESSAGES_PER_SENDER);
        int reconnects = 0;
        for (Chain chain : chains) {
            List<Long> expected = stored.stream().filter(seq -> seq > chain.start).toList();
            assertThat(chain.seqs).as("a run of %d sockets from seq %d", chain.reconnects + 2, chain.start)
                    .containsExactlyElementsOf(expected);
            reconnects += chain.reconnects;
        }
        System.out.printf("ChannelReconnectStormIT figures: %d events, %d sockets reconnected %d times in all, none missed or twice%n",
                stored.size(), chains.size(), reconnects);
        assertThat(reconnects).as("the sockets did reconnect while events flowed").isGreaterThan(chains.size() * 5);
    }
}
