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

    /** What a command printed (output and errors together) and how it ended. */
    record Result(int exitCode, String output) {
    }

    /** Runs the command to its end with these environment variables added, keeping what it printed; 127 when it cannot start. */
    static Result capture(List<String> command, java.util.Map<String, String> environment) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(environment);
            Process p = builder.start();
            String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
            return new Result(p.waitFor(), output);
        } catch (IOException e) {
            return new Result(127, e.getMessage());
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
