package io.convene.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an earlier launcher left running is stopped when a launcher starts on its folder; a process
 * that only has the same number (the number was reused by another program) is left alone. Real
 * processes; the watchdog itself is proven on a whole launcher (HttpsHostIT).
 */
class ChildrenTest {

    @Test
    void leftoversOfAnEarlierLauncherAreStoppedAndStrangersAreNot(@TempDir Path state) throws Exception {
        Process leftover = new ProcessBuilder("sleep", "300").start();
        Process stranger = new ProcessBuilder("tail", "-f", "/dev/null").start();
        try {
            String sleep = leftover.info().command().orElseThrow();
            Files.createDirectories(state.resolve("run"));
            Files.write(state.resolve("run/children"), List.of(
                    leftover.pid() + " TERM " + sleep + " Payara-Micro",
                    stranger.pid() + " TERM " + sleep + " Keycloak")); // its number, another program now

            assertThat(Children.stopLeftovers(state)).containsExactly("Payara-Micro (" + leftover.pid() + ")");
            assertThat(leftover.waitFor(5, TimeUnit.SECONDS)).as("the leftover is stopped").isTrue();
            assertThat(stranger.isAlive()).as("a stranger is left alone").isTrue();
            assertThat(state.resolve("run/children")).doesNotExist();
            assertThat(Children.stopLeftovers(state)).as("nothing more the next time").isEmpty();
        } finally {
            leftover.destroyForcibly();
            stranger.destroyForcibly();
        }
    }
}
