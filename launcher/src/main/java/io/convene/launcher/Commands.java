package io.convene.launcher;

import java.io.IOException;
import java.util.List;

/** Short commands the launcher runs to their end (kill, debootstrap, podman, ...), their output on its console. */
final class Commands {

    private Commands() {
    }

    /** The command's exit code; 127 when it cannot be started at all. */
    static int exitCode(List<String> command) {
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.INHERIT)
                    .start().waitFor();
        } catch (IOException e) {
            return 127;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs the command; a failure says {@code hint} (what it needs), if anything. */
    static void run(List<String> command, String hint) {
        int code = exitCode(command);
        if (code != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed with exit code " + code
                    + (hint.isEmpty() ? "" : " (" + hint + ")"));
        }
    }
}
