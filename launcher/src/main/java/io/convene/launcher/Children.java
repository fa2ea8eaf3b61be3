package io.convene.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * What the launcher started, written down in its state folder ({@code run/children-<its pid>}: pid,
 * the signal that stops it, its program, its name), so that nothing it started outlives it. A
 * watchdog (a small shell loop, a process of its own) stops everything its launcher's list names
 * when the launcher is gone without stopping them — killed, say, where no shutdown hook runs. Each
 * launcher has a list of its own: a watchdog that notices its launcher gone only after the next
 * launcher on the folder has started (it looks once a second) never stops what that one started.
 * A launcher that starts on a folder whose lists still name running processes (the watchdog was
 * killed too) stops them first, so it never reports ready on top of an earlier launcher's servers.
 */
final class Children {

    private static final Logger LOG = Logger.getLogger(Children.class.getName());

    /** Waits for the launcher to go, then stops what the list names: politely, then after 15 s for good. */
    static final String WATCHDOG = """
            launcher=$1; list=$2
            while kill -0 "$launcher" 2>/dev/null; do sleep 1; done
            [ -s "$list" ] || exit 0
            while read -r pid signal command name; do
              pkill -s "$signal" -P "$pid" 2>/dev/null; kill -s "$signal" "$pid" 2>/dev/null
            done < "$list"
            i=0
            while [ $i -lt 15 ]; do
              alive=0
              while read -r pid signal command name; do kill -0 "$pid" 2>/dev/null && alive=1; done < "$list"
              [ $alive = 0 ] && break
              sleep 1; i=$((i+1))
            done
            while read -r pid signal command name; do
              pkill -s KILL -P "$pid" 2>/dev/null; kill -s KILL "$pid" 2>/dev/null
            done < "$list"
            rm -f "$list"
            """;

    private static volatile Children current;

    private final Path file;
    private final Map<Long, String> lines = new LinkedHashMap<>();

    private Children(Path file) {
        this.file = file;
    }

    /** The list of this launcher, starting on this folder, with its watchdog running. */
    static Children in(Path stateDir) {
        Children children = watched(stateDir, ProcessHandle.current().pid());
        current = children;
        return children;
    }

    /** A launcher's list on this folder, and a watchdog that stops what it names once that launcher is gone. */
    static Children watched(Path stateDir, long launcher) {
        Path file = stateDir.resolve("run").resolve(LIST + "-" + launcher);
        Children children = new Children(file);
        children.write();
        try {
            new ProcessBuilder("sh", "-c", WATCHDOG, "convene-watchdog", String.valueOf(launcher),
                    file.toAbsolutePath().toString())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            LOG.warning(() -> "No watchdog (" + e.getMessage() + "): if the launcher is killed, stop what it started by hand");
        }
        return children;
    }

    /** The lists' names begin so (an earlier version's list had no more to its name). */
    private static final String LIST = "children";
    private static final String NEXT = ".next";

    /** The lists of launchers that started on this folder and did not stop all they started. */
    private static List<Path> lists(Path stateDir) {
        Path run = stateDir.resolve("run");
        if (!Files.isDirectory(run)) {
            return List.of();
        }
        try (java.util.stream.Stream<Path> files = Files.list(run)) {
            return files.filter(f -> f.getFileName().toString().startsWith(LIST) && !f.getFileName().toString().endsWith(NEXT))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the process of that number (written in a file's name, say) still runs; false for no number. */
    static boolean running(String pid) {
        try {
            return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException notAProcess) {
            return false;
        }
    }

    /** A process the launcher started, until it exits. */
    static void started(Process process, String name) {
        Children children = current;
        if (children != null) {
            children.add(process.pid(), "TERM", name);
            process.onExit().thenRun(() -> children.remove(process.pid()));
        }
    }

    /** A process started on the launcher's behalf that is not its child (PostgreSQL, which pg_ctl detaches). */
    void add(long pid, String signal, String name) {
        String command = ProcessHandle.of(pid).flatMap(p -> p.info().command()).orElse("-");
        synchronized (this) {
            lines.put(pid, pid + " " + signal + " " + command + " " + name.replaceAll("\\s+", "-"));
            write();
        }
    }

    synchronized void remove(long pid) {
        if (lines.remove(pid) != null) {
            write();
        }
    }

    private synchronized void write() {
        try {
            Files.createDirectories(file.getParent());
            Path next = file.resolveSibling(file.getFileName() + NEXT);
            Files.write(next, lines.values());
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stops what earlier launchers on this folder left running (their lists name processes that are
     * still there, running the same program); answers their names.
     */
    static List<String> stopLeftovers(Path stateDir) {
        List<String> names = new ArrayList<>();
        for (Path file : lists(stateDir)) {
            names.addAll(stopListed(file));
        }
        if (!names.isEmpty()) {
            LOG.warning(() -> "Stopped what an earlier launcher on " + stateDir + " left running: " + String.join(", ", names));
        }
        return names;
    }

    /** Stops what one list names that still runs, and deletes the list. */
    private static List<String> stopListed(Path file) {
        List<ProcessHandle> left = new ArrayList<>();
        List<String> names = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file)) {
                String[] f = line.split(" ", 4);
                if (f.length < 4) {
                    continue;
                }
                Optional<ProcessHandle> p = ProcessHandle.of(Long.parseLong(f[0]))
                        .filter(h -> h.isAlive() && h.info().command().orElse("").equals(f[2]));
                p.ifPresent(h -> {
                    h.descendants().forEach(ProcessHandle::destroy);
                    Commands.exitCode(List.of("kill", "-s", f[1], f[0]));
                    left.add(h);
                    names.add(f[3] + " (" + f[0] + ")");
                });
            }
            long deadline = System.nanoTime() + 15_000_000_000L;
            for (ProcessHandle h : left) {
                while (h.isAlive() && System.nanoTime() < deadline) {
                    ManagedProcess.sleep(200);
                }
                if (h.isAlive()) {
                    h.descendants().forEach(ProcessHandle::destroyForcibly);
                    h.destroyForcibly();
                }
            }
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }
}
