package io.convene.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.convene.launcher.SampleDirectory;
import io.convene.launcher.Suite;
import io.convene.launcher.SuiteSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A full sync of a generated OpenLDAP-like directory of N people, for each N given, (UnboundID's in-memory LDAP server,
 * nested groups) into a fresh suite each: how long Convene's part and Keycloak's import take, and the
 * Convene server's peak heap while it runs (MicroProfile Metrics, sampled every 200 ms).
 * {@code java -cp bench/target/convene-bench.jar io.convene.bench.DirectorySyncBenchmark [N ...]}
 */
public final class DirectorySyncBenchmark {

    private static final ObjectMapper JSON = SuiteClient.JSON;

    private DirectorySyncBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = args.length == 0 ? List.of(10_000) : java.util.Arrays.stream(args).map(Integer::parseInt).toList();
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT %4$s %3$s: %5$s%6$s%n");
        Path runtime = Path.of(System.getProperty("convene.runtime.dir", "launcher/target/runtime"));
        for (int people : sizes) { // a fresh suite each: the sample people of one size are those of the next too
            try (Suite suite = Suite.start(SuiteSettings.forTests(Path.of("bench/target/suite-" + people), runtime))) {
                run(suite, people);
            }
        }
        System.exit(0);
    }

    /** How long the directory server itself takes to list everyone, 500 a page: what no sync can beat. */
    private static double listingAlone(SampleDirectory directory, int people) throws Exception {
        java.net.URI url = java.net.URI.create(directory.url());
        try (com.unboundid.ldap.sdk.LDAPConnection c = new com.unboundid.ldap.sdk.LDAPConnection(url.getHost(), url.getPort(),
                directory.bindDn(), SampleDirectory.BIND_PASSWORD)) {
            long t0 = System.nanoTime();
            int seen = 0;
            com.unboundid.asn1.ASN1OctetString cookie = null;
            do {
                com.unboundid.ldap.sdk.SearchRequest request = new com.unboundid.ldap.sdk.SearchRequest(directory.usersDn(),
                        com.unboundid.ldap.sdk.SearchScope.SUB, "(objectClass=inetOrgPerson)");
                request.setControls(new com.unboundid.ldap.sdk.controls.SimplePagedResultsControl(500, cookie, true));
                com.unboundid.ldap.sdk.SearchResult result = c.search(request);
                seen += result.getEntryCount();
                var paging = com.unboundid.ldap.sdk.controls.SimplePagedResultsControl.get(result);
                cookie = paging == null ? null : paging.getCookie();
            } while (cookie != null && cookie.getValueLength() > 0);
            if (seen < people) {
                throw new IllegalStateException("The directory listed " + seen + " of " + people);
            }
            return (System.nanoTime() - t0) / 1e9;
        }
    }

    private static void run(Suite suite, int people) throws Exception {
        SuiteClient client = new SuiteClient(suite);
        long g0 = System.nanoTime();
        try (SampleDirectory directory = SampleDirectory.start(SampleDirectory.Shape.OPENLDAP, people, null)) {
            double generated = (System.nanoTime() - g0) / 1e9;
            String admin = client.adminToken();
            Map<String, Object> settings = JSON.convertValue(client.send("GET", "/api/admin/directory/presets", admin, null)
                    .get("OPENLDAP"), Map.class);
            settings.putAll(Map.of("urls", List.of(directory.url()), "security", "NONE", "bindDn", directory.bindDn(),
                    "usersDn", directory.usersDn(), "groupsDn", directory.groupsDn(), "pageSize", 500));
            JsonNode created = client.send("POST", "/api/admin/directory/directories", admin, Map.of(
                    "name", "Benchmark " + people + " " + Instant.now(), "vendor", "OPENLDAP", "settings", settings,
                    "bindPassword", SampleDirectory.BIND_PASSWORD, "enabled", false,
                    "roleMappings", List.of(Map.of("group", directory.groupDn("staff"), "role", "host"),
                            Map.of("group", directory.groupDn("it-admins"), "role", "admin"))));
            String id = created.get("id").asText();

            long heapBefore = client.usedHeap();
            JsonNode run;
            double total;
            long peakHeap;
            try (SuiteClient.HeapWatch heap = client.watchHeap()) {
                long t0 = System.nanoTime();
                run = client.send("POST", "/api/admin/directory/directories/" + id + "/sync?mode=FULL", admin, null);
                String runId = run.get("id").asText();
                do {
                    Thread.sleep(500);
                    admin = client.adminToken(); // a long run outlives a token
                    run = client.send("GET", "/api/admin/directory/runs/" + runId, admin, null);
                } while (!List.of("SUCCEEDED", "FAILED").contains(run.get("state").asText())
                        && System.nanoTime() - t0 < Duration.ofMinutes(60).toNanos());
                total = (System.nanoTime() - t0) / 1e9;
                peakHeap = heap.peak();
            }
            double keycloak = run.path("keycloakImport").path("millis").asLong() / 1e3;
            double listing = listingAlone(directory, people);
            System.out.printf("%nConvene directory sync benchmark: %d people (LDIF generated and loaded in %.1f s)%n", people, generated);
            System.out.printf("  run %s: seen %d, created %d, failed %d%s%n", run.get("state").asText(), run.get("seen").asInt(),
                    run.get("created").asInt(), run.get("failed").asInt(), run.hasNonNull("error") ? ", error " + run.get("error").asText() : "");
            System.out.printf("  full sync %.1f s: Convene (read LDAP, provision users) %.1f s = %.0f people/s, %s%n",
                    total, total - keycloak, people / Math.max(0.001, total - keycloak),
                    run.hasNonNull("keycloakImport") ? "Keycloak's import %.1f s".formatted(keycloak)
                            : "Keycloak imports at first sign-in (-Dconvene.directory.keycloak-import=each-sync: at each sync)");
            System.out.printf("  the directory alone lists them in %.1f s (the same paged search, 500 a page, from the benchmark):"
                    + " Convene reads a page ahead of provisioning, so the sync takes no less%n", listing);
            System.out.printf("  Convene server heap: %d MB before, peak %d MB during the sync%n%n",
                    heapBefore >> 20, peakHeap >> 20);
        }
    }
}
