package io.convene.bench;

import io.convene.launcher.Suite;
import io.convene.launcher.SuiteSettings;
import java.nio.file.Path;

/**
 * The REST mix of the scale-out benchmark on one node, alone: schedule, upcoming, details and join
 * (1:4:4:1) sent open-loop at rates that double from 25/s to 100/s and then rise by half, 10 s each,
 * until p99 passes 100 ms or a request fails; prints each rate's p50/p99, Payara's CPU time per
 * request, and the highest rate that held. First the mix runs at 25/s for a warm-up (seconds, the
 * first argument, 120 unless given): Payara's JIT compilers use more CPU than the requests for a
 * minute or more after its start.
 * {@code java -cp bench/target/convene-bench.jar io.convene.bench.RestBenchmark [warm-up seconds]}
 */
public final class RestBenchmark {

    private RestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int warmUp = args.length > 0 ? Integer.parseInt(args[0]) : 120;
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT %4$s %3$s: %5$s%6$s%n");
        Path runtime = Path.of(System.getProperty("convene.runtime.dir", "launcher/target/runtime"));
        try (Suite suite = Suite.start(SuiteSettings.forTests(Path.of("bench/target/rest"), runtime))) {
            SuiteClient client = new SuiteClient(suite);
            long[] held = ClusterBenchmark.restRamp(client, client.tokenOf("hana@convene.example"),
                    client.tokenOf("pablo@convene.example"), warmUp);
            System.out.printf("%nREST mix held %d requests/s (p50 %d ms, p99 %d ms)%n", held[0], held[1], held[2]);
        }
        System.exit(0);
    }
}
