package io.convene.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.convene.launcher.Suite;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** What the benchmarks ask of a running suite: the administrator's token, JSON calls, the server's heap. */
final class SuiteClient {

    static final ObjectMapper JSON = new ObjectMapper();

    private final Suite suite;
    private final String base;
    private final HttpClient http = HttpClient.newHttpClient();

    /**
     * A fresh suite for a benchmark, in {@code bench/target/<folder>}, from the launcher's runtime
     * (or {@code convene.runtime.dir}), logging a line per record.
     */
    static Suite startSuite(String folder) {
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT %4$s %3$s: %5$s%6$s%n");
        java.nio.file.Path runtime = java.nio.file.Path.of(System.getProperty("convene.runtime.dir", "launcher/target/runtime"));
        return Suite.start(io.convene.launcher.SuiteSettings.forTests(java.nio.file.Path.of("bench/target", folder), runtime));
    }

    SuiteClient(Suite suite) {
        this.suite = suite;
        this.base = suite.settings().httpUrl();
    }

    String base() {
        return base;
    }

    HttpClient http() {
        return http;
    }

    /** A fresh token of the demo administrator (a long run outlives one). */
    String adminToken() throws Exception {
        return tokenOf("ada@convene.example");
    }

    /** A fresh token of a demo account. */
    String tokenOf(String email) throws Exception {
        return send("POST", "/api/users/login", null, Map.of("email", email,
                "password", suite.settings().demoPassword())).get("access_token").asText();
    }

    JsonNode send(String method, String path, String token, Object body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " -> " + r.statusCode() + " " + r.body());
        }
        return r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body());
    }

    /** The administrator's token for /metrics, fetched again once it has expired. */
    private volatile String metricsToken;

    private volatile boolean wholeScrape;

    /** The server's used heap now (MicroProfile Metrics, read as the administrator), 0 when the sample was missed. */
    long usedHeap() {
        try {
            if (metricsToken == null) {
                metricsToken = adminToken();
            }
            // the one metric (MicroProfile Metrics 5), not the whole registry five times a second: that took
            // a large share of Payara's CPU while a directory synced (the full scrape stays as the fallback)
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + (wholeScrape ? "/metrics"
                            : "/metrics?scope=base&metric=memory.usedHeap")))
                    .header("Accept", "text/plain").header("Authorization", "Bearer " + metricsToken).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 401) {
                metricsToken = null; // expired: the next sample signs in again
                return 0;
            }
            for (String line : r.body().split("\n")) {
                // "base_memory_usedHeap_bytes 1.2E8" (MP Metrics 4) or "memory_usedHeap_bytes{mp_scope=\"base\"} 1.2E8" (5)
                if (line.matches("(base_)?memory_usedHeap_bytes[ {].*")) {
                    return (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
            wholeScrape = true; // the server does not answer for one metric: ask for all from now on
        } catch (Exception e) {
            // a missed sample
        }
        return 0;
    }

    /** Samples the server's heap every 200 ms until closed; {@link #peak()} is the most seen. */
    final class HeapWatch implements AutoCloseable {
        private final AtomicLong peak = new AtomicLong();
        private final Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(usedHeap(), Math::max);
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });

        HeapWatch() {
            sampler.start();
        }

        long peak() {
            return peak.get();
        }

        @Override
        public void close() throws InterruptedException {
            sampler.interrupt();
            sampler.join();
        }
    }

    HeapWatch watchHeap() {
        return new HeapWatch();
    }
}
