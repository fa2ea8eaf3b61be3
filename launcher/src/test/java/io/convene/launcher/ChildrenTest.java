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

    /**
     * A launcher stopped and another started on the folder within the second before the first one's
     * watchdog looked: that watchdog leaves the new launcher's servers alone, and the new launcher's
     * own watchdog stops them once it is gone. Real watchdogs; sleeps stand in for the launchers.
     */
    @Test
    void theWatchdogOfALauncherThatStoppedLeavesTheNextLaunchersServersAlone(@TempDir Path state) throws Exception {
        Process firstLauncher = new ProcessBuilder("sleep", "300").start();
        Process nextLauncher = new ProcessBuilder("sleep", "300").start();
        Process nextServer = new ProcessBuilder("sleep", "300").start();
        try {
            Children.watched(state, firstLauncher.pid()); // it stopped all it started: its list is empty
            Children.watched(state, nextLauncher.pid()).add(nextServer.pid(), "TERM", "Payara-Micro");
            ProcessHandle firstWatchdog = watchdogOf(firstLauncher.pid());

            firstLauncher.destroyForcibly().waitFor();

            firstWatchdog.onExit().get(20, TimeUnit.SECONDS);
            assertThat(nextServer.isAlive()).as("the next launcher's server runs on").isTrue();
            nextLauncher.destroyForcibly().waitFor();
            assertThat(nextServer.waitFor(20, TimeUnit.SECONDS)).as("its own watchdog stops it").isTrue();
        } finally {
            firstLauncher.destroyForcibly();
            nextLauncher.destroyForcibly();
            nextServer.destroyForcibly();
        }
    }

    private static ProcessHandle watchdogOf(long launcher) {
        return ProcessHandle.current().children()
                .filter(p -> p.info().arguments().map(a -> List.of(a).contains(String.valueOf(launcher))).orElse(false))
                .findFirst().orElseThrow();
    }

    @Test
    void theListsOfSeveralEarlierLaunchersAreAllHandled(@TempDir Path state) throws Exception {
        Process one = new ProcessBuilder("sleep", "300").start();
        Process other = new ProcessBuilder("sleep", "300").start();
        try {
            String sleep = one.info().command().orElseThrow();
            Path run = Files.createDirectories(state.resolve("run"));
            Files.write(run.resolve("children-101"), List.of(one.pid() + " TERM " + sleep + " Janus"));
            Files.write(run.resolve("children-202"), List.of(other.pid() + " TERM " + sleep + " coturn"));

            assertThat(Children.stopLeftovers(state)).containsExactlyInAnyOrder("Janus (" + one.pid() + ")",
                    "coturn (" + other.pid() + ")");
            assertThat(one.waitFor(5, TimeUnit.SECONDS)).isTrue();
            assertThat(other.waitFor(5, TimeUnit.SECONDS)).isTrue();
            try (var left = Files.list(run)) {
                assertThat(left).isEmpty();
            }
        } finally {
            one.destroyForcibly();
            other.destroyForcibly();
        }
    }
}
