package io.convene.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.convene.launcher.Suite;
import io.convene.launcher.SuiteSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Joins N simulated participants (guests through the secure link, each with its channel socket) to
 * one meeting of a freshly started suite and measures: join-to-ready latency (POST join until the
 * channel's hello), chat fan-out latency at a given message rate (REST send until each socket has
 * the event), chat messages persisted per second with 8 senders over REST, and then with 40
 * senders on their channel sockets (25 a second each: -Dbench.channel-senders, -Dbench.channel-rate),
 * which the server stores many to a transaction, with the fan-out of those to every socket. Sockets
 * read several messages from one frame as the join page does (-Dbench.coalesce=false: one each).
 *
 * <pre>java -jar bench/target/convene-bench.jar [participants=100] [messages=100] [rate=20/s]</pre>
 */
public final class ChannelBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Each socket is read by {@link RawChannel}, which checks every frame itself; -Dbench.jdk-client=true
     * reads them with the JDK's WebSocket client instead (see docs/benchmarks.md for why not by default).
     */
    private static final boolean RAW = !Boolean.getBoolean("bench.jdk-client");
    /** Whether sockets read several messages from one frame, as the join page does (-Dbench.coalesce=false: one each). */
    private static final boolean COALESCE = !"false".equals(System.getProperty("bench.coalesce"));
    private static final java.util.concurrent.atomic.AtomicInteger SLOTS = new java.util.concurrent.atomic.AtomicInteger();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    final String meetingId;
    /** The meeting's join link's token: what a guest joins with. */
    final String joinToken;

    /** What one run measured. */
    record Result(int participants, long joinP50, long joinP99, long fanOutP50, long fanOutP99, long delivered,
                  long expected, double persistedPerSecond) {
    }

    ChannelBenchmark(String base, String meetingId, String joinToken) {
        this.base = base;
        this.meetingId = meetingId;
        this.joinToken = joinToken;
    }

    public static void main(String[] args) throws Exception {
        int participants = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int messages = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT %4$s %3$s: %5$s%6$s%n");
        Path runtime = Path.of(System.getProperty("convene.runtime.dir", "launcher/target/runtime"));
        try (Suite suite = Suite.start(SuiteSettings.forTests(Path.of("bench/target/suite"), runtime))) {
            String base = suite.settings().httpUrl();
            HttpClient http = HttpClient.newHttpClient();
            String token = JSON.readTree(post(http, base + "/api/users/login", null, Map.of("email", "hana@convene.example",
                    "password", suite.settings().demoPassword()))).get("access_token").asText();
            forMeeting(base, token, "Benchmark").run(() -> JSON.readTree(post(http, base + "/api/users/login", null,
                    Map.of("email", "hana@convene.example", "password", suite.settings().demoPassword())))
                    .get("access_token").asText(), participants, messages, rate);
        }
        System.exit(0);
    }

    /** A new meeting open to guests, started by its host: the benchmark of its channel. */
    static ChannelBenchmark forMeeting(String base, String hostToken, String title) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        // a slot of its own: one host's meetings may not overlap
        LocalDateTime start = LocalDateTime.now().plusDays(1).truncatedTo(ChronoUnit.HOURS).plusHours(3L * SLOTS.getAndIncrement());
        JsonNode meeting = JSON.readTree(post(http, base + "/api/meetings/schedule", hostToken, Map.of("title", title,
                "start", start.toString(), "end", start.plusHours(2).toString(), "timeZone", "UTC",
                "allowGuests", true, "settings", Map.of("joinBeforeHost", true))));
        post(http, base + "/api/meetings/" + meeting.get("id").asText() + "/join", hostToken, Map.of());
        String link = meeting.get("joinUrl").asText();
        return new ChannelBenchmark(base, meeting.get("id").asText(), link.substring(link.indexOf("?t=") + 3));
    }

    private final List<Client> clients = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> joinMillis = Collections.synchronizedList(new ArrayList<>());

    /** The three measurements of one meeting, printed and returned. */
    /** @param hostToken a fresh access token of the host at each call (a long run outlives one) */
    Result run(java.util.concurrent.Callable<String> hostToken, int n, int messages, int rate) throws Exception {
        System.out.printf("%nConvene channel benchmark: %d participants, %d messages at %d/s%n", n, messages, rate);
        long t0 = System.nanoTime();
        join(n, 16);
        double joinSeconds = (System.nanoTime() - t0) / 1e9;
        long[] join = report("join-to-ready", joinMillis, "ms");
        System.out.printf("  %d participants ready in %.1f s (%.0f joins/s with 16 at a time)%n", n, joinSeconds,
                n / joinSeconds);
        long[] fan = report("chat fan-out (send to each socket)", fanOut(hostToken.call(), messages, rate, "bench-"), "ms");
        long expected = (long) messages * clients.size();
        System.out.printf("  delivered %d of %d (messages x sockets)%n", received(clients), expected);
        double persisted = persisted(8, 10);
        System.out.printf("  chat messages persisted: %.0f/s (8 senders over REST, each message fanned out to %d sockets)%n",
                persisted, clients.size());
        if (RAW) { // -Dbench.channel-rounds=N: again and again, the suite's compiler warmed up by the rounds before
            for (int round = 1; round <= Integer.getInteger("bench.channel-rounds", 1); round++) {
                sentOnChannel(round, Math.min(clients.size(), Integer.getInteger("bench.channel-senders", 40)),
                        Integer.getInteger("bench.channel-rate", 25), 10);
            }
        }
        long delivered = received(clients);
        close();
        return new Result(n, join[0], join[1], fan[0], fan[1], delivered, expected, persisted);
    }

    /** {@code n} guests join through the link and open their sockets, {@code parallel} at a time. */
    void join(int n, int parallel) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        List<Future<?>> joins = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int number = i;
            joins.add(pool.submit(() -> {
                long started = System.nanoTime();
                JsonNode joined = JSON.readTree(post(http, base + "/api/meetings/" + meetingId + "/join", null,
                        Map.of("joinToken", joinToken, "displayName", "Guest " + number)));
                Client c = new Client(joined.get("guestTicket").asText());
                URI channel = URI.create(base.replace("http", "ws") + "/ws/meetings/" + meetingId
                        + "?ticket=" + joined.get("channelTicket").asText() + (COALESCE ? "&coalesce=true" : ""));
                if (RAW) {
                    c.raw = RawChannel.open(channel, c);
                } else {
                    http.newWebSocketBuilder().buildAsync(channel, c).join();
                }
                c.hello.get(60, TimeUnit.SECONDS);
                joinMillis.add((System.nanoTime() - started) / 1_000_000);
                clients.add(c);
                return null;
            }));
        }
        awaitAll(joins, pool);
    }

    /**
     * The host sends {@code messages} at {@code rate} a second; every socket notes when each
     * arrived. The latencies, send to arrival, of every message at every socket (waits up to 60 s).
     */
    List<Long> fanOut(String hostToken, int messages, int rate, String prefix) throws Exception {
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        long interval = 1_000_000_000L / rate;
        long next = System.nanoTime();
        for (int i = 0; i < messages; i++) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            String id = prefix + i;
            sentAt.put(id, System.nanoTime());
            post(http, base + "/api/meetings/" + meetingId + "/chat/send", hostToken,
                    Map.of("clientMessageId", id, "text", id));
            next += interval;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        long expected = (long) messages * clients.size();
        while (arrivals(prefix) < expected && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        List<Long> fanOut = new ArrayList<>();
        for (Client c : clients) {
            for (Map.Entry<String, Long> r : c.arrivals.entrySet()) {
                if (r.getKey().startsWith(prefix)) {
                    fanOut.add((r.getValue() - sentAt.get(r.getKey())) / 1_000_000);
                }
            }
        }
        return fanOut;
    }

    private long arrivals(String prefix) {
        return clients.stream().mapToLong(c -> c.arrivals.keySet().stream().filter(k -> k.startsWith(prefix)).count()).sum();
    }

    /** Chat messages stored a second with {@code senders} guests sending as fast as they can for that long. */
    double persisted(int senders, int seconds) throws Exception {
        AtomicLong stored = new AtomicLong();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        List<Future<?>> sending = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            Client sender = clients.get(s);
            sending.add(pool.submit(() -> {
                while (System.nanoTime() < until) {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/meetings/" + meetingId
                                    + "/chat/send")).header("Content-Type", "application/json")
                            .header("X-Convene-Guest-Ticket", sender.guestTicket)
                            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of(
                                    "clientMessageId", "load-" + UUID.randomUUID(), "text", "load")))).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 201) {
                        stored.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        awaitAll(sending, pool);
        return stored.get() / (double) seconds;
    }

    /**
     * {@code senders} participants send chat messages on their channel sockets, each {@code perSecond}
     * (within a socket's allowance) for {@code seconds}: what the meeting stores a second (answered
     * {@code chat.sent}), and that every socket got every message, each sender's in the order sent.
     */
    void sentOnChannel(int round, int senders, int perSecond, int seconds) throws Exception {
        System.out.printf("  chat on the channel, round %d: %d senders at %d/s each for %d s (offered %d/s)%n", round,
                senders, perSecond, seconds, senders * perSecond);
        for (Client c : clients) {
            c.onChannel.clear();
            c.acked.set(0);
            c.refused.set(0);
        }
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        long started = System.nanoTime();
        List<Future<?>> sending = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            Client sender = clients.get(s);
            int number = s;
            sending.add(pool.submit(() -> {
                long interval = 1_000_000_000L / perSecond;
                long next = System.nanoTime();
                for (int i = 0; i < perSecond * seconds; i++) {
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    String id = "chan" + round + "-" + number + "-" + i;
                    sentAt.put(id, System.nanoTime());
                    sender.raw.text("{\"type\":\"chat.send\",\"clientMessageId\":\"" + id + "\",\"text\":\"" + id + "\"}");
                    next += interval;
                }
                return null;
            }));
        }
        awaitAll(sending, pool);
        long sendingDone = System.nanoTime();
        long total = (long) senders * perSecond * seconds;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (acked() + refused() < total && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        long lastAck = clients.stream().mapToLong(c -> c.lastAck.get()).max().orElse(started);
        System.out.printf("  stored %d of %d (%d refused), %.0f/s (the senders sent for %.1f s, the last was stored at %.1f s)%n",
                acked(), total, refused(), acked() / ((lastAck - started) / 1e9), (sendingDone - started) / 1e9,
                (lastAck - started) / 1e9);
        long expected = total * clients.size();
        while (clients.stream().mapToLong(c -> c.onChannel.size()).sum() < expected && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        List<Long> latency = new ArrayList<>();
        long outOfOrder = 0;
        for (Client c : clients) {
            outOfOrder += c.outOfOrder.get();
            c.onChannel.forEach((id, at) -> latency.add((at - sentAt.get(id)) / 1_000_000));
        }
        System.out.printf("  delivered %d of %d (messages x sockets); a sender's messages out of order at a socket: %d%n",
                latency.size(), expected, outOfOrder);
        report("chat fan-out on the channel (send to each socket)", latency, "ms");
    }

    private long acked() {
        return clients.stream().mapToLong(c -> c.acked.get()).sum();
    }

    private long refused() {
        return clients.stream().mapToLong(c -> c.refused.get()).sum();
    }

    /** Waits for every task, then lets the pool go (at once, should one fail). */
    private static void awaitAll(List<Future<?>> tasks, ExecutorService pool) throws Exception {
        try {
            for (Future<?> f : tasks) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    void close() {
        clients.forEach(c -> {
            if (c.raw != null) {
                c.raw.close();
            } else {
                c.socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
            }
        });
    }

    private static long received(List<Client> clients) {
        return clients.stream().mapToLong(c -> c.arrivals.size()).sum();
    }

    /** Prints the percentiles; returns p50 and p99 (-1 without samples). */
    static long[] report(String what, List<Long> millis, String unit) {
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            System.out.printf("  %s: no samples%n", what);
            return new long[] {-1, -1};
        }
        System.out.printf("  %s: p50 %d %s, p99 %d %s, max %d %s (%d samples)%n", what,
                sorted.get(sorted.size() / 2), unit, sorted.get((int) Math.min(sorted.size() - 1, sorted.size() * 0.99)),
                unit, sorted.get(sorted.size() - 1), unit, sorted.size());
        return new long[] {sorted.get(sorted.size() / 2), sorted.get((int) Math.min(sorted.size() - 1, sorted.size() * 0.99))};
    }

    static String post(HttpClient http, String url, String token, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(url + " -> " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    /** One simulated participant's channel socket. */
    /** What a channel socket hears, whichever way it is read. */
    interface Listener {
        void message(String text, long now);

        void failed(String why);
    }

    private static final class Client implements WebSocket.Listener, Listener {
        final String guestTicket;
        final CompletableFuture<Void> hello = new CompletableFuture<>();
        final Map<String, Long> arrivals = new ConcurrentHashMap<>();
        private final StringBuilder partial = new StringBuilder();
        WebSocket socket;
        RawChannel raw;
        /** Messages sent on the channel: when each arrived here, by id ("chan{round}-{sender}-{index}"). */
        final Map<String, Long> onChannel = new ConcurrentHashMap<>();
        /** Per sender, the index of the last of its messages that arrived here. */
        private final Map<String, Integer> lastIndex = new ConcurrentHashMap<>();
        final AtomicLong outOfOrder = new AtomicLong();
        final AtomicLong acked = new AtomicLong();
        final AtomicLong refused = new AtomicLong();
        final AtomicLong lastAck = new AtomicLong();

        Client(String guestTicket) {
            this.guestTicket = guestTicket;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            socket = webSocket;
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                message(text, System.nanoTime());
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public void failed(String why) {
            System.err.println("channel socket failed: " + why);
            hello.completeExceptionally(new IllegalStateException(why));
        }

        @Override
        public void message(String text, long now) {
            if (text.startsWith("[")) {
                Frames.each(text, one -> message(one, now));
                return;
            }
            if (text.startsWith("{\"type\":\"hello\"")) {
                hello.complete(null);
            } else if (text.contains("\"event\":\"chat.message\"") && text.contains("\"text\":\"bench")) {
                int at = text.indexOf("\"text\":\"bench") + 8;
                arrivals.putIfAbsent(text.substring(at, text.indexOf('"', at)), now);
            } else if (text.contains("\"event\":\"chat.message\"") && text.contains("\"text\":\"chan")) {
                int at = text.indexOf("\"text\":\"chan") + 8;
                String id = text.substring(at, text.indexOf('"', at));
                onChannel.putIfAbsent(id, now);
                int dash = id.lastIndexOf('-');
                int index = Integer.parseInt(id.substring(dash + 1));
                Integer before = lastIndex.put(id.substring(0, dash), index);
                if (before != null && before >= index) {
                    outOfOrder.incrementAndGet();
                }
            } else if (text.startsWith("{\"type\":\"chat.sent\"")) {
                acked.incrementAndGet();
                lastAck.accumulateAndGet(now, Math::max);
            } else if (text.startsWith("{\"type\":\"error\"")) {
                refused.incrementAndGet();
                System.err.println("channel error: " + text);
            }
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            hello.completeExceptionally(new IllegalStateException("channel closed before its greeting: " + statusCode
                    + " " + reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            hello.completeExceptionally(new IllegalStateException("channel failed before its greeting", error));
        }
    }
}
