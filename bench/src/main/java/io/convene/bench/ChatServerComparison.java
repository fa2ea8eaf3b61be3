package io.convene.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * The chat scenario against three servers, one after the other, from one load generator: Convene
 * (the whole suite), Prosody 0.12 (a MUC room over XMPP over WebSocket, its archive in PostgreSQL)
 * and a bare WebSocket broadcast server (the machine's ceiling). For each: a sender joins, then N
 * participants (16 joining at a time: join-to-ready); the sender sends 20 messages a second for
 * 10 s (fan-out: send until each socket has it); then 20, 40, 80 … a second for 5 s each, until a
 * step's p99 reaches 1 s or a message is lost or out of order. Latency counts from when each
 * message was due to be sent, so a sender held up by the server adds to it.
 *
 * <pre>java -cp bench/target/convene-bench.jar io.convene.bench.ChatServerComparison [participants=100]</pre>
 * -Dbench.servers=convene,prosody,broadcast (the rows), -Dbench.step-seconds=5, -Dbench.max-rate=40960,
 * -Dbench.readers=2 (the load generator's reader threads). Run from the repository's root.
 */
public final class ChatServerComparison {

    static final int PARALLEL_JOINS = 16;
    private static final int STEP_SECONDS = Integer.getInteger("bench.step-seconds", 5);
    private static final int MAX_RATE = Integer.getInteger("bench.max-rate", 40_960);

    /** A server under test: how a participant joins, and what the sender sends. */
    interface ChatServer extends AutoCloseable {
        String name();

        /** A participant's socket-to-be, speaking this server's protocol. */
        Member member(String nick);

        /** The frame the sender sends for message {@code seq}. */
        String chat(long seq);

        /** The server's process, for its CPU time (-1: none apart from this JVM). */
        default long pid() {
            return -1;
        }
    }

    /** One participant: its socket, and when the server confirmed it in the room. */
    abstract static class Member implements WsClients.Handler {
        final CompletableFuture<Void> ready = new CompletableFuture<>();
        WsClients.Socket socket;
        private Scenario scenario;
        private int index; // -1: the sender
        private long lastSeq = -1;

        /** Connects and starts joining; {@link #ready} completes once in. */
        abstract void open(WsClients clients) throws Exception;

        /** Chat message {@code seq} reached this socket (on its reader thread). */
        final void chat(long seq, long now) {
            if (index < 0) {
                return; // the sender hears its own messages too
            }
            Phase p = scenario.phase;
            if (p != null && seq >= p.base && seq < p.base + p.count) {
                p.arrived(seq, now);
                if (seq <= lastSeq) {
                    p.outOfOrder.increment();
                }
            } else {
                scenario.late.increment();
            }
            lastSeq = Math.max(lastSeq, seq);
        }

        /** The server turned a message down (printed, counted). */
        final void refused(String what) {
            if (scenario.refused.getAndIncrement() < 5) {
                System.out.println("  refused: " + what);
            }
        }

        @Override
        public void failed(String why) {
            if (!ready.completeExceptionally(new IllegalStateException(why)) && scenario.dropped.getAndIncrement() < 5) {
                System.out.println("  socket lost: " + why);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT %4$s %3$s: %5$s%6$s%n");
        Path dir = Path.of(System.getProperty("bench.dir", "bench/target/comparison"));
        Deque<AutoCloseable> running = new ConcurrentLinkedDeque<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> running.forEach(ChatServerComparison::quietly),
                "comparison-stop")); // Ctrl-C: the server under test stops too
        List<Row> rows = new ArrayList<>();
        for (String which : System.getProperty("bench.servers", "convene,prosody,broadcast").split(",")) {
            ChatServer server = null;
            try {
                server = switch (which.trim()) {
                    case "convene" -> ConveneChat.start(dir.resolve("suite"));
                    case "prosody" -> ProsodyServer.start(dir.resolve("prosody"));
                    case "broadcast" -> new BroadcastServer();
                    default -> throw new IllegalArgumentException(which + ": convene, prosody or broadcast");
                };
                if (server == null) {
                    rows.add(Row.failed("Prosody MUC", "not installed: apt-get install -y " + ProsodyServer.PACKAGES));
                    continue;
                }
                running.push(server);
                rows.add(new Scenario(server, n).run());
            } catch (Exception e) {
                e.printStackTrace(System.out);
                rows.add(Row.failed(server == null ? which : server.name(), e.toString()));
            } finally {
                if (server != null) {
                    running.remove(server);
                    quietly(server);
                }
            }
        }
        System.out.printf("%n%d participants in one room, one sender (%s, %d cores, server and load generator on the same"
                + " machine)%n", n, LocalDate.now(), Runtime.getRuntime().availableProcessors());
        System.out.println("| server | join p50 / p99 | joins/s (16 at a time) | fan-out at 20 msg/s p50 / p99 "
                + "| most msg/s with p99 < 1 s | deliveries/s then | next step |");
        System.out.println("|---|---|---|---|---|---|---|");
        rows.forEach(r -> System.out.println(r.line()));
        System.exit(0);
    }

    private static void quietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            System.err.println("stopping: " + e);
        }
    }

    /** One row of the table. */
    record Row(String server, String join, String joinsPerSecond, String fanOut, String most, String deliveries,
               String next) {
        static Row failed(String server, String why) {
            return new Row(server, "—", "—", "—", "—", "—", why);
        }

        String line() {
            return String.join(" | ", "| " + server, join, joinsPerSecond, fanOut, most, deliveries, next) + " |";
        }
    }

    /** One server's run. */
    static final class Scenario {
        private final ChatServer server;
        private final int n;
        volatile Phase phase;
        final LongAdder late = new LongAdder();
        final AtomicLong refused = new AtomicLong();
        final AtomicLong dropped = new AtomicLong();
        private Member sender;
        private long nextSeq;

        Scenario(ChatServer server, int n) {
            this.server = server;
            this.n = n;
        }

        Row run() throws Exception {
            System.out.printf("%n%s: %d participants, %d joining at a time%n", server.name(), n, PARALLEL_JOINS);
            try (WsClients clients = new WsClients(Integer.getInteger("bench.readers", 2))) {
                sender = join(clients, "sender", -1); // for Prosody, it creates the room
                List<Long> joins = Collections.synchronizedList(new ArrayList<>());
                ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_JOINS);
                long t0 = System.nanoTime();
                try {
                    List<Future<?>> all = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        int index = i;
                        all.add(pool.submit(() -> {
                            long started = System.nanoTime();
                            join(clients, "p" + index, index);
                            joins.add((System.nanoTime() - started) / 1_000_000);
                            return null;
                        }));
                    }
                    for (Future<?> f : all) {
                        f.get();
                    }
                } finally {
                    pool.shutdownNow();
                }
                double joinsPerSecond = n / ((System.nanoTime() - t0) / 1e9);
                Collections.sort(joins);
                long joinP50 = joins.get(joins.size() / 2);
                long joinP99 = joins.get(Math.min(joins.size() - 1, (int) (joins.size() * 0.99)));
                System.out.printf("  join-to-ready: p50 %d ms, p99 %d ms, max %d ms; %.1f joins/s%n", joinP50, joinP99,
                        joins.get(joins.size() - 1), joinsPerSecond);
                Phase fan = send(20, 10, 60);
                Phase best = null;
                Phase next = null;
                for (int rate = 20; rate <= MAX_RATE; rate *= 2) {
                    Phase step = send(rate, STEP_SECONDS, 10);
                    if (!step.held()) {
                        next = step;
                        break;
                    }
                    best = step;
                }
                System.out.printf("  the sender sent %,d messages in all; %d arrived after their step was over, %d refused%n",
                        nextSeq, late.sum(), refused.get());
                return new Row(server.name(), joinP50 + " / " + joinP99 + " ms", String.format("%.1f", joinsPerSecond),
                        ms(fan.percentile(0.5)) + " / " + ms(fan.percentile(0.99)) + " ms"
                                + (fan.complete() ? "" : " (" + fan.delivered.sum() + " of " + fan.expected() + ")"),
                        best == null ? "< 20" : String.valueOf(best.rate()),
                        best == null ? "—" : String.format("%,.0f", best.deliveriesPerSecond()),
                        next == null ? "(not reached)" : next.rate() + " msg/s: " + next.summary());
            }
        }

        private Member join(WsClients clients, String nick, int index) throws Exception {
            Member m = server.member(nick);
            m.scenario = this;
            m.index = index;
            m.open(clients);
            try {
                m.ready.get(120, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                throw new IllegalStateException(nick + " not in the room after 120 s");
            }
            return m;
        }

        /** The sender sends {@code rate} a second for {@code seconds}; waits until all arrived or the grace ran out. */
        private Phase send(int rate, int seconds, int graceSeconds) throws InterruptedException {
            Phase p = new Phase(nextSeq, rate * seconds, 1_000_000_000L / rate, n);
            nextSeq += p.count;
            long pid = server.pid();
            long cpu = cpuMillis(pid);
            p.start = System.nanoTime() + 1_000_000;
            phase = p;
            try {
                for (int i = 0; i < p.count; i++) {
                    long wait = p.start + i * p.interval - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    sender.socket.text(server.chat(p.base + i));
                }
            } catch (IOException e) {
                p.sendFailed = e.getMessage();
            }
            long sent = System.nanoTime();
            long deadline = sent + TimeUnit.SECONDS.toNanos(graceSeconds);
            while (!p.complete() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            double wall = (System.nanoTime() - p.start) / 1e6;
            System.out.printf("  %5d msg/s for %d s: %s; sender done %.0f ms after the last was due%s%n", rate, seconds,
                    p.summary(), (sent - p.start - (p.count - 1) * p.interval) / 1e6,
                    pid < 0 ? "" : String.format("; server CPU %.0f %% of a core", 100 * (cpuMillis(pid) - cpu) / wall));
            return p;
        }
    }

    /** Messages sent at one rate, and what became of them at the participants' sockets. */
    static final class Phase {
        private static final int BUCKETS = 1000 + 60_000 + 1; // 10 µs up to 10 ms, then 1 ms up to 70 s
        final long base;
        final int count;
        final long interval;
        final int sockets;
        volatile long start;
        volatile String sendFailed;
        final AtomicLongArray histogram = new AtomicLongArray(BUCKETS);
        final LongAdder delivered = new LongAdder();
        final LongAdder outOfOrder = new LongAdder();
        final AtomicLong lastArrival = new AtomicLong();

        Phase(long base, int count, long interval, int sockets) {
            this.base = base;
            this.count = count;
            this.interval = interval;
            this.sockets = sockets;
        }

        void arrived(long seq, long now) {
            long micros = Math.max(0, (now - start - (seq - base) * interval) / 1000);
            histogram.incrementAndGet(micros < 10_000 ? (int) (micros / 10) : (int) Math.min(BUCKETS - 1, 1000 + (micros - 10_000) / 1000));
            delivered.increment();
            lastArrival.accumulateAndGet(now, Math::max);
        }

        long expected() {
            return (long) count * sockets;
        }

        boolean complete() {
            return delivered.sum() >= expected();
        }

        int rate() {
            return (int) (1_000_000_000L / interval);
        }

        /** Of every message at every socket; one that never came counts as infinitely late. */
        double percentile(double q) {
            long rank = (long) Math.ceil(q * expected());
            long seen = 0;
            for (int b = 0; b < BUCKETS; b++) {
                seen += histogram.get(b);
                if (seen >= rank) {
                    return b < 1000 ? (b * 10 + 5) / 1000.0 : 10 + (b - 1000) + 0.5;
                }
            }
            return Double.POSITIVE_INFINITY;
        }

        boolean held() {
            return sendFailed == null && delivered.sum() == expected() && outOfOrder.sum() == 0 && percentile(0.99) < 1000;
        }

        double deliveriesPerSecond() {
            return delivered.sum() == 0 ? 0 : delivered.sum() / ((lastArrival.get() - start) / 1e9);
        }

        String summary() {
            return "p50 " + ms(percentile(0.5)) + " ms, p99 " + ms(percentile(0.99)) + " ms, delivered "
                    + String.format("%,d of %,d (%,.0f/s)", delivered.sum(), expected(), deliveriesPerSecond())
                    + (outOfOrder.sum() == 0 ? "" : ", " + outOfOrder.sum() + " out of order")
                    + (sendFailed == null ? "" : ", sending failed: " + sendFailed);
        }
    }

    static String ms(double millis) {
        return Double.isInfinite(millis) ? "∞" : millis < 10 ? String.format("%.2f", millis) : String.format("%.0f", millis);
    }

    /** A process's CPU time so far (user and system; -1 without one), from /proc. */
    static long cpuMillis(long pid) {
        if (pid < 0) {
            return -1;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10; // clock ticks of 10 ms
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
