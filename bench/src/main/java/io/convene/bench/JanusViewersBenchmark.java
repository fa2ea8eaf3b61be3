package io.convene.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.convene.launcher.Suite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What one viewer costs Janus: one guest's browser sends its camera at 20 frames a second (Chromium's
 * fake camera), then viewers join one by one — guests' browsers with no camera or microphone, which
 * only receive — and at each count the benchmark reads Janus's own CPU time (/proc) over a window
 * and the frames each viewer received. The viewers are browsers on the same two cores, so the count
 * stops well before Janus would; the figure is Janus's CPU per viewer, and from it the viewers one
 * core of Janus would carry. Run it in the tests' network namespace, where browsers and Janus meet
 * on an interface of their own: {@code suite-tests/src/test/netns/bin/java -cp bench/target/convene-bench.jar
 * io.convene.bench.JanusViewersBenchmark [most viewers] [seconds per count]}. With
 * {@code -Dbench.audience-servers=N} the suite starts N further Janus servers for webinars'
 * audiences, the meeting is a webinar with the speaker brought on stage, and each Janus's CPU is
 * read apart: the viewers are spread over the audience servers.
 */
public final class JanusViewersBenchmark {

    private static final String FRAMES = """
            let frames = 0;
            for (const s of Object.values(convene.subscriptions)) {
              if (!s.pc) continue;
              (await s.pc.getStats()).forEach((x) => { if (x.type === 'inbound-rtp' && x.kind === 'video') frames += x.framesReceived || 0; });
            }
            return frames;""";

    private static final String SENT = """
            const p = convene.publishers.camera;
            let frames = 0; // the full layer's (the camera goes out in two, simulcast)
            if (p) (await p.pc.getStats()).forEach((x) => { if (x.type === 'outbound-rtp' && x.kind === 'video') frames = Math.max(frames, x.framesSent || 0); });
            return frames;""";

    private JanusViewersBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int most = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int audienceServers = Integer.getInteger("bench.audience-servers", 0);
        boolean webinar = audienceServers > 0;
        System.setProperty("convene.media.janus-audience-servers", String.valueOf(audienceServers));
        List<HeadlessChromium> browsers = new ArrayList<>();
        try (Suite suite = SuiteClient.startSuite("suite")) {
            List<ProcessHandle> januses = ProcessHandle.current().descendants()
                    .filter(p -> p.info().command().orElse("").endsWith("janus"))
                    .sorted(java.util.Comparator.comparing(p -> p.info().arguments().map(a -> String.join(" ", a)).orElse("")))
                    .toList(); // the meeting's own (its folder "janus") first, then the audience's
            if (januses.size() != 1 + audienceServers) {
                throw new IllegalStateException("Expected " + (1 + audienceServers) + " Janus servers, found " + januses.size()
                        + " (Debian's janus package installed?)");
            }
            SuiteClient client = new SuiteClient(suite);
            String host = client.tokenOf("hana@convene.example");
            LocalDateTime start = LocalDateTime.now().plusDays(500).truncatedTo(ChronoUnit.HOURS);
            JsonNode meeting = client.send("POST", "/api/meetings/schedule", host, Map.of("title", "Watched",
                    "start", start.toString(), "end", start.plusHours(2).toString(), "timeZone", "UTC",
                    "allowGuests", true, "settings", Map.of("joinBeforeHost", true, "webinar", webinar)));
            String id = meeting.get("id").asText();
            client.send("POST", "/api/meetings/" + id + "/join", host, Map.of());
            String link = meeting.get("joinUrl").asText();

            System.out.printf("%nJanus viewers benchmark: one camera at 20 fps, up to %d viewers, %d s at each count%s%n", most, seconds,
                    webinar ? ", a webinar with " + audienceServers + " audience server(s)" : "");
            HeadlessChromium speaker = join(HeadlessChromium.start("--use-fake-device-for-media-stream=fps=20",
                    "--use-fake-ui-for-media-stream"), link, "Speaker");
            browsers.add(speaker);
            if (webinar) { // a guest enters the audience: the host brings the speaker on stage
                client.send("POST", "/api/meetings/" + id + "/control", host, Map.of("action", "MAKE_PANELIST",
                        "participationId", speaker.run("return convene.me;").asText()));
            }
            speaker.await("convene.publishers.camera && convene.publishers.camera.pc.connectionState === 'connected'",
                    Duration.ofSeconds(60));
            List<HeadlessChromium> viewers = new ArrayList<>();
            List<double[]> points = new ArrayList<>(); // viewers, Janus's CPU (all of them together)
            System.out.println("  viewers | Janus CPU (% of one core)" + (webinar ? ": all = meeting's + audience's" : "")
                    + " | frames a second each viewer received (min / mean) | camera sent | machine CPU");
            for (int k = 1; k <= most; k++) {
                HeadlessChromium viewer = join(HeadlessChromium.start(), link, "Viewer " + k);
                browsers.add(viewer);
                viewers.add(viewer);
                for (HeadlessChromium v : viewers) {
                    long t0 = v.run(FRAMES).asLong();
                    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                    while (v.run(FRAMES).asLong() <= t0 && System.nanoTime() < deadline) {
                        Thread.sleep(250);
                    }
                }
                long[] before = new long[viewers.size()];
                for (int i = 0; i < viewers.size(); i++) {
                    before[i] = viewers.get(i).run(FRAMES).asLong();
                }
                long sentBefore = speaker.run(SENT).asLong();
                long[] machineBefore = machineTicks();
                long[] cpuBefore = januses.stream().mapToLong(JanusViewersBenchmark::cpuTicks).toArray();
                long t0 = System.nanoTime();
                Thread.sleep(seconds * 1000L);
                double elapsed = (System.nanoTime() - t0) / 1e9;
                double[] each = new double[januses.size()];
                for (int j = 0; j < each.length; j++) {
                    each[j] = (cpuTicks(januses.get(j)) - cpuBefore[j]) / 100.0 / elapsed * 100; // ticks of 1/100 s
                }
                double cpu = java.util.Arrays.stream(each).sum();
                long[] machineAfter = machineTicks();
                double busy = 100.0 * (machineAfter[0] - machineBefore[0]) / Math.max(1, machineAfter[1] - machineBefore[1]);
                double sent = (speaker.run(SENT).asLong() - sentBefore) / elapsed;
                double min = Double.MAX_VALUE;
                double sum = 0;
                for (int i = 0; i < viewers.size(); i++) {
                    double fps = (viewers.get(i).run(FRAMES).asLong() - before[i]) / elapsed;
                    min = Math.min(min, fps);
                    sum += fps;
                }
                String split = each.length == 1 ? "" : java.util.Arrays.stream(each).mapToObj(c -> String.format("%.1f", c))
                        .collect(java.util.stream.Collectors.joining(" + ", " = ", ""));
                System.out.printf("  %7d | %25s | %25.1f / %.1f | %6.1f fps | %.0f %%%n", k, String.format("%.1f", cpu) + split,
                        min, sum / k, sent, busy);
                points.add(new double[] {k, cpu});
            }
            if (points.size() > 1) {
                double perViewer = slope(points);
                System.out.printf("  Janus's CPU per further viewer (least squares over the counts): %.2f %% of a core; at that rate one core of Janus carries"
                        + " about %.0f viewers of one 20 fps camera (a projection: the browsers, not Janus, fill this machine)%n",
                        perViewer, perViewer > 0 ? 100 / perViewer : Double.POSITIVE_INFINITY);
            }
        } finally {
            browsers.forEach(HeadlessChromium::close);
        }
        System.exit(0);
    }

    /** A guest's browser in the meeting through its link, as a person joins: the name typed, Join pressed. */
    private static HeadlessChromium join(HeadlessChromium browser, String link, String name) throws Exception {
        browser.open(link);
        browser.await("document.getElementById('join-form') && !document.getElementById('join-form').hidden", Duration.ofSeconds(60));
        browser.run("document.getElementById('display-name').value = " + SuiteClient.JSON.writeValueAsString(name)
                + "; document.getElementById('join').click(); return true;");
        browser.await("!document.getElementById('meeting').hidden", Duration.ofSeconds(60));
        return browser;
    }

    /** The least-squares slope of y over x. */
    private static double slope(List<double[]> points) {
        double mx = points.stream().mapToDouble(p -> p[0]).average().orElse(0);
        double my = points.stream().mapToDouble(p -> p[1]).average().orElse(0);
        double sxy = points.stream().mapToDouble(p -> (p[0] - mx) * (p[1] - my)).sum();
        double sxx = points.stream().mapToDouble(p -> (p[0] - mx) * (p[0] - mx)).sum();
        return sxy / sxx;
    }

    /** The machine's busy and total CPU time so far, in clock ticks (/proc/stat's first line). */
    private static long[] machineTicks() throws IOException {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < f.length; i++) {
            total += Long.parseLong(f[i]);
        }
        long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]); // idle, iowait
        return new long[] {total - idle, total};
    }

    /** The process's user and system time, in clock ticks (/proc/PID/stat, fields 14 and 15). */
    private static long cpuTicks(ProcessHandle process) {
        String stat;
        try {
            stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
