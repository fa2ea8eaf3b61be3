package io.convene.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A part's log is never truncated: each fresh start keeps the earlier runs' logs beside the new one
 * (the last five), and a part started again after a crash writes on after what the crashed one wrote.
 * Real processes writing their own output.
 */
class EarlierLogsTest {

    @TempDir
    Path dir;

    @Test
    void eachStartKeepsTheEarlierRunsLogsTheLastFive() throws Exception {
        Path log = dir.resolve("logs/payara.log");
        for (int run = 1; run <= 7; run++) {
            run(ManagedProcess.start("run " + run, List.of("/bin/echo", "run " + run), Map.of(), dir, log));
        }
        assertThat(Files.readString(log)).isEqualTo("run 7\n");
        for (int n = 1; n <= ManagedProcess.EARLIER_LOGS; n++) {
            assertThat(Files.readString(Path.of(log + "." + n))).as("the run before by " + n).isEqualTo("run " + (7 - n) + "\n");
        }
        assertThat(Path.of(log + "." + (ManagedProcess.EARLIER_LOGS + 1))).doesNotExist();

        run(ManagedProcess.startAppending("run 7 again", List.of("/bin/echo", "after the crash"), Map.of(), dir, log));
        assertThat(Files.readString(log)).isEqualTo("run 7\nafter the crash\n");
        assertThat(Files.readString(Path.of(log + ".1"))).isEqualTo("run 6\n");
    }

    private static void run(ManagedProcess process) throws Exception {
        process.exited().get(30, TimeUnit.SECONDS);
    }
}
