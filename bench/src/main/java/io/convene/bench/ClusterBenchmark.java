package io.convene.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.convene.launcher.Suite;
import io.convene.launcher.SuiteSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The scale-out benchmark: for each node count asked, a fresh suite with that many Payara Micro
 * nodes (one data grid, HAProxy in front of several), every client going through the front door;
 * then a table with a row per node count.
 * <ul>
 *   <li>REST: schedule, upcoming, details and join (1:4:4:1), sent open-loop at fixed rates that
 *       double from 25/s to 100/s and then rise by half, 10 s each, until p99 passes 100 ms or a
 *       request fails: the highest rate
 *       that held, and p50/p99 there;</li>
 *   <li>channel, one meeting of N (each N asked): join-to-ready and chat fan-out p50/p99 (the host
 *       sends 100 messages at 20/s), and chat messages stored a second with 8 senders;</li>
 *   <li>M meetings of 10 guests, every host sending 2 messages a second for 20 s at once: fan-out
 *       p50/p99 and events delivered a second;</li>
 *   <li>notifications: 2,000 notices to 3 people each through the broker, stored in-app a second.</li>
 * </ul>
 * Everything — nodes, PostgreSQL, Keycloak, Artemis, HAProxy and the clients — shares this machine.
 *
 * <pre>java -cp bench/target/convene-bench.jar io.convene.bench.ClusterBenchmark [nodes=1,2,3] [N=100,500,1000] [M=20]</pre>
 */
public final class ClusterBenchmark {

    private static final int OK_P99_MILLIS = 100;

    /** One row of the table. */
    record Row(int nodes, int restRate, long restP50, long restP99, List<ChannelBenchmark.Result> channels,
               int meetings, long manyP50, long manyP99, double manyPerSecond, double notificationsPerSecond) {
    }

    private ClusterBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> nodeCounts = list(args.length > 0 ? args[0] : "1,2,3");
        List<Integer> sizes = list(args.length > 1 ? args[1] : "100,500,1000");
        int meetings = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT %4$s %3$s: %5$s%6$s%n");
        Path runtime = Path.of(System.getProperty("convene.runtime.dir", "launcher/target/runtime"));
        List<Row> rows = new ArrayList<>();
        for (int nodes : nodeCounts) {
            System.out.printf("%n===== %d node(s) =====%n", nodes);
            try (Suite suite = Suite.start(SuiteSettings.forTests(Path.of("bench/target/cluster-" + nodes), runtime), nodes)) {
                rows.add(measure(suite, nodes, sizes, meetings));
            }
        }
        print(rows, sizes);
        System.exit(0);
    }

    private static Row measure(Suite suite, int nodes, List<Integer> sizes, int meetings) throws Exception {
        SuiteClient client = new SuiteClient(suite);
        String base = suite.settings().httpUrl();
        String host = client.tokenOf("hana@convene.example");
        long[] rest = restRamp(client, host, client.tokenOf("pablo@convene.example"), 20);
        List<ChannelBenchmark.Result> channels = new ArrayList<>();
        for (int n : sizes) {
            channels.add(ChannelBenchmark.forMeeting(base, client.tokenOf("hana@convene.example"), "Channel " + n)
                    .run(() -> client.tokenOf("hana@convene.example"), n, 100, 20));
        }
        double[] many = manyMeetings(base, () -> client.tokenOf("hana@convene.example"), meetings);
        double notifications = NotificationBenchmark.run(suite, 2000, 4);
        return new Row(nodes, (int) rest[0], rest[1], rest[2], channels, meetings, (long) many[0], (long) many[1], many[2],
                notifications);
    }

    /**
     * The highest rate whose p99 stayed under 100 ms without errors, and its p50 and p99 ({0, -1, -1} if
     * none did), after {@code warmUpSeconds} at 25/s; prints the suite's CPU time per request at each rate.
     */
    static long[] restRamp(SuiteClient client, String host, String pablo, int warmUpSeconds) throws Exception {
        LocalDateTime start = LocalDateTime.now().plusDays(30).truncatedTo(ChronoUnit.DAYS);
        JsonNode meeting = client.send("POST", "/api/meetings/schedule", host, Map.of("title", "Looked at a lot",
                "start", start.toString(), "end", start.plusHours(1).toString(), "timeZone", "UTC",
                "invitees", List.of("pablo@convene.example"), "settings", Map.of("joinBeforeHost", true)));
        String id = meeting.get("id").asText();
        AtomicInteger slot = new AtomicInteger();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        System.out.printf("%nREST: schedule / upcoming / details / join (1:4:4:1), 10 s per rate, after %d s at 25/s to warm up%n",
                warmUpSeconds);
        long[] held = {0, -1, -1};
        int rate = 25;
        for (int round = 0; rate <= 3200; round++) {
            List<Long> millis = Collections.synchronizedList(new ArrayList<>());
            AtomicLong failed = new AtomicLong();
            List<CompletableFuture<?>> pending = new ArrayList<>();
            long interval = 1_000_000_000L / rate;
            long cpu0 = payaraCpuNanos();
            long t0 = System.nanoTime();
            boolean warmUp = round == 0; // a fresh server compiles its hot paths first
            int count = rate * (warmUp ? warmUpSeconds : 10);
            for (int i = 0; i < count; i++) {
                long due = t0 + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                HttpRequest request = request(client.base(), i % 10, id, host, pablo, start, slot);
                long sent = System.nanoTime();
                pending.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
                    if (e != null || r.statusCode() >= 300) {
                        failed.incrementAndGet();
                    } else {
                        millis.add((System.nanoTime() - sent) / 1_000_000);
                    }
                }));
            }
            try {
                CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                // counted as failures
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            long[] p = ChannelBenchmark.report((warmUp ? "warm-up at " : "") + rate + "/s (" + String.format("%.0f", count / seconds)
                    + "/s done, " + failed.get() + " failed)", millis, "ms");
            long cpu = payaraCpuNanos() - cpu0;
            System.out.printf("    Payara's CPU: %.2f ms a request (%.0f%% of one core)%n", cpu / 1e6 / count, cpu / 1e7 / seconds);
            if (warmUp) {
                continue;
            }
            if (failed.get() > 0 || p[1] > OK_P99_MILLIS || p[1] < 0) {
                break;
            }
            held = new long[] {rate, p[0], p[1]};
            rate = rate < 100 ? rate * 2 : rate + rate / 2;
        }
        return held;
    }

    /** The CPU time the suite's Payara processes (children of this benchmark) have used so far. */
    static long payaraCpuNanos() {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().orElse("").contains("payara-micro.jar"))
                .mapToLong(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L)).sum();
    }

    private static HttpRequest request(String base, int kind, String meetingId, String host, String pablo,
                                       LocalDateTime start, AtomicInteger slot) throws Exception {
        HttpRequest.Builder b;
        String token = host;
        switch (kind) {
            case 0 -> { // a new meeting in a slot of its own (the host's meetings may not overlap)
                LocalDateTime at = start.plusDays(1).plusHours(slot.incrementAndGet());
                b = HttpRequest.newBuilder(URI.create(base + "/api/meetings/schedule")).POST(HttpRequest.BodyPublishers.ofString(
                        SuiteClient.JSON.writeValueAsString(Map.of("title", "Load", "start", at.toString(),
                                "end", at.plusMinutes(30).toString(), "timeZone", "UTC")))).header("Content-Type", "application/json");
            }
            case 1, 2, 3, 4 -> b = HttpRequest.newBuilder(URI.create(base + "/api/meetings/upcoming"));
            case 9 -> {
                token = pablo;
                b = HttpRequest.newBuilder(URI.create(base + "/api/meetings/" + meetingId + "/join"))
                        .POST(HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json");
            }
            default -> b = HttpRequest.newBuilder(URI.create(base + "/api/meetings/" + meetingId + "/details"));
        }
        return b.header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).build();
    }

    /** {@code m} meetings of 10 guests, every host sending 2 a second for 20 s at once: fan-out p50, p99, events a second. */
    static double[] manyMeetings(String base, java.util.concurrent.Callable<String> hostToken, int m) throws Exception {
        System.out.printf("%n%d meetings of 10, each host sending 2 messages a second for 20 s%n", m);
        List<ChannelBenchmark> rooms = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            ChannelBenchmark room = ChannelBenchmark.forMeeting(base, hostToken.call(), "Small meeting " + i);
            room.join(10, 4);
            rooms.add(room);
        }
        String host = hostToken.call();
        ExecutorService pool = Executors.newFixedThreadPool(m);
        long t0 = System.nanoTime();
        List<Future<List<Long>>> sent = new ArrayList<>();
        for (ChannelBenchmark room : rooms) {
            sent.add(pool.submit(() -> room.fanOut(host, 40, 2, "benchm-")));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> f : sent) {
            all.addAll(f.get());
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        pool.shutdownNow();
        rooms.forEach(ChannelBenchmark::close);
        long[] p = ChannelBenchmark.report("fan-out in " + m + " meetings of 10", all, "ms");
        System.out.printf("  %d events delivered in %.1f s: %.0f/s%n", all.size(), seconds, all.size() / seconds);
        return new double[] {p[0], p[1], all.size() / seconds};
    }

    private static void print(List<Row> rows, List<Integer> sizes) {
        System.out.printf("%nConvene scale-out benchmark (%d cores, %s; nodes, database, broker, Keycloak, HAProxy and clients on this machine)%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        StringBuilder header = new StringBuilder("| nodes | REST held at (p50 / p99) ");
        for (int n : sizes) {
            header.append("| ").append(n).append(" in one meeting: join p50 / p99, fan-out p50 / p99, stored/s ");
        }
        header.append("| M meetings of 10: fan-out p50 / p99, events/s | notifications/s |");
        System.out.println(header);
        System.out.println("|---".repeat(sizes.size() + 4) + "|");
        for (Row r : rows) {
            StringBuilder line = new StringBuilder().append("| ").append(r.nodes()).append(" | ")
                    .append(r.restRate()).append("/s (").append(r.restP50()).append(" / ").append(r.restP99()).append(" ms) ");
            for (ChannelBenchmark.Result c : r.channels()) {
                line.append(String.format("| %d / %d ms, %d / %d ms, %.0f ", c.joinP50(), c.joinP99(), c.fanOutP50(),
                        c.fanOutP99(), c.persistedPerSecond()));
            }
            line.append(String.format("| %d: %d / %d ms, %.0f/s | %.0f |", r.meetings(), r.manyP50(), r.manyP99(),
                    r.manyPerSecond(), r.notificationsPerSecond()));
            System.out.println(line);
        }
        if (rows.size() > 1) {
            Row one = rows.get(0);
            for (Row r : rows.subList(1, rows.size())) {
                System.out.printf("Scaling %d -> %d nodes: REST %.2fx, events in many meetings %.2fx, notifications %.2fx%n",
                        one.nodes(), r.nodes(), ratio(r.restRate(), one.restRate()), ratio(r.manyPerSecond(), one.manyPerSecond()),
                        ratio(r.notificationsPerSecond(), one.notificationsPerSecond()));
            }
        }
    }

    private static double ratio(double a, double b) {
        return b == 0 ? 0 : a / b;
    }

    private static List<Integer> list(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).map(Integer::parseInt).toList();
    }
}
