package io.convene.suite;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the suite's Payara Micro wrote to its log from a mark on: tests of what an outage costs the log. */
final class PayaraLog {

    private final Path file = ConveneSuite.get().settings().stateDir().resolve("logs/payara.log");
    private final long from;

    private PayaraLog(boolean fromStart) {
        from = fromStart ? 0 : size();
    }

    /** Marks where the log is now. */
    static PayaraLog mark() {
        return new PayaraLog(false);
    }

    /** The whole log of this run of the suite. */
    static PayaraLog sinceStart() {
        return new PayaraLog(true);
    }

    /** The lines written since the mark. */
    List<String> written() {
        long to = size();
        try (RandomAccessFile log = new RandomAccessFile(file.toFile(), "r")) {
            byte[] bytes = new byte[(int) (to - from)];
            log.seek(from);
            log.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many of the lines written since the mark are stack frames. */
    long stackFrames() {
        return stackFrames(written());
    }

    /** How many of these log lines are stack frames. */
    static long stackFrames(List<String> lines) {
        return lines.stream().filter(line -> line.startsWith("\tat ")).count();
    }

    private long size() {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
