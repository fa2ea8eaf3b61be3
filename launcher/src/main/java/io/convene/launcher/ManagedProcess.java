package io.convene.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A server the suite runs as a child process, its output in a log file, stopped with the suite. */
final class ManagedProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path log;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path workDir;
    /** Stops the process if the launcher's JVM exits first (Ctrl-C while the suite is still starting). */
    private final Thread stopAtExit;

    private ManagedProcess(String name, Process process, Path log, List<String> command, Map<String, String> environment,
                           Path workDir) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.workDir = workDir;
        this.stopAtExit = new Thread(() -> {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
        }, "stop " + name + " at exit");
        Runtime.getRuntime().addShutdownHook(stopAtExit);
    }

    /** Started on a fresh log; the earlier runs' logs are kept beside it ({@link #keepEarlierLogs}). */
    static ManagedProcess start(String name, List<String> command, Map<String, String> environment, Path workDir,
                                Path log) {
        keepEarlierLogs(log);
        return start(name, command, environment, workDir, log, ProcessBuilder.Redirect.to(log.toFile()));
    }

    static final int EARLIER_LOGS = 5;

    /**
     * A log is never truncated: the last run's {@code x.log} becomes {@code x.log.1}, that one
     * {@code x.log.2}, and so on; the {@value #EARLIER_LOGS}th earlier run's is dropped. So the log of a
     * node that crashed is still there after the next start.
     */
    static void keepEarlierLogs(Path log) {
        try {
            if (!Files.exists(log) || Files.size(log) == 0) {
                return;
            }
            Files.deleteIfExists(Path.of(log + "." + EARLIER_LOGS));
            for (int n = EARLIER_LOGS - 1; n >= 1; n--) {
                Path older = Path.of(log + "." + n);
                if (Files.exists(older)) {
                    Files.move(older, Path.of(log + "." + (n + 1)));
                }
            }
            Files.move(log, Path.of(log + ".1"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the earlier log " + log, e);
        }
    }

    /** Started with its output added to the log (a process started again: what the last one wrote stays). */
    static ManagedProcess startAppending(String name, List<String> command, Map<String, String> environment, Path workDir,
                                         Path log) {
        return start(name, command, environment, workDir, log, ProcessBuilder.Redirect.appendTo(log.toFile()));
    }

    private static ManagedProcess start(String name, List<String> command, Map<String, String> environment, Path workDir,
                                        Path log, ProcessBuilder.Redirect output) {
        try {
            Files.createDirectories(log.getParent());
            boolean json = LogFormat.chosen() == LogFormat.JSON;
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectErrorStream(true).redirectOutput(json ? ProcessBuilder.Redirect.PIPE : output);
            builder.environment().putAll(environment);
            Process process = builder.start();
            Children.started(process, name);
            if (json) {
                JsonLogPump.start(name, process.getInputStream(), log, output.type() == ProcessBuilder.Redirect.Type.APPEND);
            }
            return new ManagedProcess(name, process, log, command, environment, workDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
    }

    /** The same command started again (after this one exited), its output added to the same log. */
    ManagedProcess again() {
        return startAppending(name, command, environment, workDir, log);
    }

    /** Completes when the process has exited, however. */
    java.util.concurrent.CompletableFuture<Void> exited() {
        return process.onExit().thenApply(p -> null);
    }

    /** The exit code, once exited. */
    int exitCode() {
        return process.exitValue();
    }

    String name() {
        return name;
    }

    /** The process and what it started (a script's server), to signal them all. */
    java.util.List<ProcessHandle> tree() {
        return tree(process.toHandle());
    }

    /** A process and all its descendants, the process first. */
    static java.util.List<ProcessHandle> tree(ProcessHandle root) {
        java.util.List<ProcessHandle> all = new java.util.ArrayList<>(root.descendants().toList());
        all.add(0, root);
        return all;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Polls the URL until it answers 200, the process dies, or the time is up. */
    void awaitHttpOk(String url, Duration timeout) {
        awaitHttpOk(url, "", timeout);
    }

    /** Waits for a 200 whose body contains {@code mark} (a server may answer before its applications are in). */
    void awaitHttpOk(String url, String mark, Duration timeout) {
        awaitHttp(url, 200, mark, timeout);
    }

    /** Waits for an answer with {@code status} whose body contains {@code mark}. */
    void awaitHttp(String url, int status, String mark, Duration timeout) {
        // HTTP/1.1: an h2c upgrade asked of a server still starting could hang past the request's timeout
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == status && r.body().contains(mark)) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + name, e);
            }
            sleep(250);
        }
        throw new IllegalStateException(name + " not ready at " + url + " after " + timeout + "; see " + log);
    }
    /** Kills the process at once (SIGKILL), as a crash or a pulled plug would. */
    void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    Path log() {
        return log;
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException exiting) {
            // the JVM is exiting: the hook runs anyway
        }
        if (!process.isAlive()) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
