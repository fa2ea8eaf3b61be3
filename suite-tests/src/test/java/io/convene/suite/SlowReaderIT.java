package io.convene.suite;

import static io.convene.suite.ConveneSuite.api;
import static io.convene.suite.Meetings.draft;
import static io.convene.suite.Meetings.schedule;
import static io.convene.suite.Meetings.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A channel socket whose client stops reading (a frozen tab, a link that died without saying so)
 * holds up nobody: while megabytes of chat go to the meeting, another participant's socket gets
 * every event, in order (the server's delivery does not wait on the stalled socket's writes). The
 * stalled socket leaves its ping unanswered and is dropped: nothing said afterwards is queued for
 * it, and what it finds when it reads again ends with a close saying why, and the connection.
 */
class SlowReaderIT extends SignedInPeople {

    private static final int MESSAGES = 1_200;
    private static final int AFTER_DROP = 20;

    @Test
    void aClientThatStopsReadingHoldsUpNobody() throws Exception {
        String id = schedule(host, with(draft("Slow reader"), "settings", Map.of("joinBeforeHost", true))).text("id");
        api().post("/api/meetings/" + id + "/join", host, Map.of());
        String pabloTicket = api().post("/api/meetings/" + id + "/join", pablo, Map.of()).text("channelTicket");

        try (Socket stalled = stalledSocket(id, pabloTicket); ChannelClient reader = ChannelClient.withBearer(id, host)) {
            long start = reader.next().get("seq").asLong();
            String text = "x".repeat(3_900); // a big message: the stalled socket's buffers fill quickly
            long began = System.nanoTime();
            ExecutorService senders = Executors.newFixedThreadPool(4);
            try {
                List<Future<Integer>> sent = new ArrayList<>();
                for (int s = 0; s < 4; s++) {
                    sent.add(senders.submit(() -> {
                        int ok = 0;
                        for (int m = 0; m < MESSAGES / 4; m++) {
                            ok += api().post("/api/meetings/" + id + "/chat/send", host,
                                    Map.of("clientMessageId", UUID.randomUUID().toString(), "text", text)).status() / 100 == 2 ? 1 : 0;
                        }
                        return ok;
                    }));
                }
                int ok = 0;
                for (Future<Integer> f : sent) {
                    ok += f.get(10, TimeUnit.MINUTES);
                }
                assertThat(ok).isEqualTo(MESSAGES);
            } finally {
                senders.shutdownNow();
            }
            List<Long> seen = events(reader, MESSAGES, Duration.ofSeconds(60));
            assertThat(seen).as("every event reached the reader, in order").isSorted().doesNotHaveDuplicates()
                    .hasSize(MESSAGES).allMatch(seq -> seq > start);
            assertThat(PayaraLog.sinceStart().written()).as("Tyrus's per-frame idle timer is skipped on every socket")
                    .noneMatch(line -> line.contains("keep re-arming an idle timer"));
            double sending = (System.nanoTime() - began) / 1e9;
            Eventually.get(() -> PayaraLog.sinceStart().written(), log -> log.stream().anyMatch(line ->
                    line.contains("in meeting " + id + " has not answered a ping")), Duration.ofSeconds(60));
            double droppedWithin = (System.nanoTime() - began) / 1e9;
            // said after the socket left the meeting: what the meeting says now is not queued for it
            for (int m = 0; m < AFTER_DROP; m++) {
                api().post("/api/meetings/" + id + "/chat/send", host,
                        Map.of("clientMessageId", UUID.randomUUID().toString(), "text", "after the drop " + m));
            }
            List<Long> later = events(reader, AFTER_DROP, Duration.ofSeconds(30));
            assertThat(reader.isClosed()).as("the reader, which answers its pings, stays").isFalse();
            Ending ending = readToTheEnd(stalled);
            assertThat(ending.closeCode).as("the stalled socket's last frame is a close saying why").isEqualTo(4408);
            assertThat(ending.reason).startsWith("not reading");
            assertThat(ending.connectionEnded).as("and the server ended the connection").isTrue();
            assertThat(ending.lastSeq).as("nothing said after its drop was queued for it")
                    .isLessThan(later.stream().mapToLong(Long::longValue).min().orElseThrow());
            System.out.printf("SlowReaderIT figures: %d events of %d bytes reached the reader beside a socket that stopped reading;"
                    + " that socket was dropped within %.1f s of the first (sending took %.1f s); %d frames buffered for it before the drop"
                    + " reached it when it read again, then its close%n",
                    MESSAGES, text.length(), droppedWithin, sending, ending.textFrames);
        }
    }

    /** The seqs of the events the reader receives, once it has at least {@code count}. */
    private static List<Long> events(ChannelClient reader, int count, Duration within) {
        List<Long> seqs = new ArrayList<>();
        Eventually.get(() -> {
            reader.drain(Duration.ofMillis(200)).stream().filter(m -> "event".equals(m.path("type").asText()))
                    .map(m -> m.get("seq").asLong()).forEach(seqs::add);
            return seqs.size();
        }, n -> n >= count, within);
        return seqs;
    }

    private record Ending(int textFrames, long lastSeq, int closeCode, String reason, boolean connectionEnded) {
    }

    /** Reads what the server wrote to the stalled socket, frame by frame, up to its close and the connection's end. */
    private static Ending readToTheEnd(Socket socket) throws Exception {
        socket.setSoTimeout(30_000);
        DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        int texts = 0;
        long lastSeq = 0;
        while (true) {
            int first = in.readUnsignedByte();
            int second = in.readUnsignedByte();
            long length = second & 0x7f;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = in.readLong();
            }
            byte[] payload = new byte[(int) length];
            in.readFully(payload);
            int opcode = first & 0x0f;
            if (opcode == 0x1) {
                texts++;
                lastSeq = Math.max(lastSeq, Api.JSON.readTree(payload).path("seq").asLong());
            } else if (opcode == 0x8) {
                int code = payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
                String reason = payload.length > 2 ? new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8) : "";
                boolean ended;
                try {
                    ended = in.read() < 0;
                } catch (SocketTimeoutException stillOpen) {
                    ended = false;
                }
                return new Ending(texts, lastSeq, code, reason, ended);
            }
        }
    }

    /** A WebSocket opened by hand that reads its handshake's answer and then nothing more. */
    private static Socket stalledSocket(String meetingId, String ticket) throws Exception {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        String url = ConveneSuite.get().settings().httpUrl();
        java.net.URI uri = java.net.URI.create(url);
        socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5000);
        OutputStream out = socket.getOutputStream();
        out.write(("GET /ws/meetings/" + meetingId + "?ticket=" + ticket + " HTTP/1.1\r\nHost: " + uri.getHost() + ":"
                + uri.getPort() + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
                + java.util.Base64.getEncoder().encodeToString(UUID.randomUUID().toString().substring(0, 16).getBytes(StandardCharsets.US_ASCII))
                + "\r\nSec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        assertThat(head.toString()).startsWith("HTTP/1.1 101");
        return socket; // never read again
    }
}
