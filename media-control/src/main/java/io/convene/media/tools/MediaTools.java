package io.convene.media.tools;

import io.convene.media.MediaFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The command-line media tools recordings need (janus-pp-rec, ffmpeg, ffprobe), run in a folder with a log. */
public final class MediaTools {

    private static final Duration TOOL_PATIENCE = Duration.ofHours(3);

    private MediaTools() {
    }

    /** How long a media file plays, as ffprobe says. */
    public static Duration duration(Path folder, String ffprobe, Path file) {
        String seconds = run(folder, "ffprobe", List.of(ffprobe, "-v", "error", "-show_entries", "format=duration",
                "-of", "default=noprint_wrappers=1:nokey=1", file.toString())).trim();
        try {
            return Duration.ofMillis(Math.round(Double.parseDouble(seconds) * 1000));
        } catch (NumberFormatException e) {
            throw new MediaFailure("ffprobe could not tell how long " + file.getFileName() + " plays: " + seconds);
        }
    }

    /** Runs a tool in the folder; its output (kept in the folder's tools.log) comes back; a failure says its last lines. */
    public static String run(Path folder, String what, List<String> command) {
        Path log = folder.resolve("tools.log");
        try {
            Path output = Files.createTempFile(folder, "tool", ".out");
            try {
                Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                        .redirectOutput(output.toFile()).start();
                if (!process.waitFor(TOOL_PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new MediaFailure(what + " took longer than " + TOOL_PATIENCE);
                }
                String printed = Files.readString(output, StandardCharsets.UTF_8);
                Files.writeString(log, "$ " + String.join(" ", command) + "\n" + printed + "\n", StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                if (process.exitValue() != 0) {
                    throw new MediaFailure(what + " failed (" + process.exitValue() + "): " + tail(printed));
                }
                return printed;
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new MediaFailure(what + " could not run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MediaFailure("Interrupted while " + what + " ran", e);
        }
    }

    private static String tail(String printed) {
        String[] lines = printed.strip().split("\n");
        return String.join(" / ", Arrays.copyOfRange(lines, Math.max(0, lines.length - 3), lines.length));
    }
}
