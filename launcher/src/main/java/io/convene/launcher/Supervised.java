package io.convene.launcher;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;

/**
 * A child the suite keeps running. When it exits while the suite runs, the launcher says so on its
 * console (with the exit code and the child's log) and either starts it again — the same command,
 * after 1 s, then 2, 4, ... at most a minute between tries, counting from 1 again once it has run
 * ten minutes — or, for a child the suite cannot do without and cannot simply restart, hands the
 * loss to {@code whenLost} (the run command stops everything with that message).
 */
final class Supervised implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Supervised.class.getName());
    private static final Duration SETTLED = Duration.ofMinutes(10);
    private static final long LONGEST_WAIT_SECONDS = 60;
    private static final long SIGNAL_GRACE_MILLIS = 500;
    /** The launcher's JVM is exiting (Ctrl-C): children stopping then are no loss, and nothing starts again. */
    private static volatile boolean exiting;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> exiting = true, "children stop: the launcher exits"));
    }

    private final UnaryOperator<ManagedProcess> startAgain;
    private final Consumer<String> whenLost;
    private final ScheduledExecutorService timer;
    private volatile ManagedProcess current;
    private volatile Instant startedAt;
    private volatile boolean closed;
    private int tries;

    private Supervised(ManagedProcess first, UnaryOperator<ManagedProcess> startAgain, Consumer<String> whenLost) {
        this.startAgain = startAgain;
        this.whenLost = whenLost;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "supervise " + first.name());
            t.setDaemon(true);
            return t;
        });
        watch(first);
    }

    static boolean launcherExiting() {
        return exiting;
    }

    /**
     * Started again whenever it exits: {@code startAgain} gets the process that exited and answers a
     * new one that serves (or throws, having stopped what it started).
     */
    static Supervised restarting(ManagedProcess started, UnaryOperator<ManagedProcess> startAgain) {
        return new Supervised(started, startAgain, null);
    }

    /** The same command again, once {@code ready} passes on it. */
    static Supervised sameCommandAgain(ManagedProcess started, Consumer<ManagedProcess> ready) {
        return restarting(started, exited -> {
            ManagedProcess again = exited.again();
            try {
                ready.accept(again);
                return again;
            } catch (RuntimeException e) {
                again.close();
                throw e;
            }
        });
    }

    /** Not started again: its exit is handed to {@code whenLost} with what to say. */
    static Supervised essential(ManagedProcess started, Consumer<String> whenLost) {
        return new Supervised(started, UnaryOperator.identity(), whenLost);
    }

    ManagedProcess current() {
        return current;
    }

    private void watch(ManagedProcess process) {
        current = process;
        startedAt = Instant.now();
        // looked at a moment later: a Ctrl-C or SIGTERM to the launcher's process group reaches the
        // children as it reaches the launcher, whose shutdown hook may not have begun yet
        process.exited().thenRun(() -> {
            try {
                timer.schedule(() -> exited(process), SIGNAL_GRACE_MILLIS, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException closedMeanwhile) {
                // closed: its children stop on purpose
            }
        });
    }

    private void exited(ManagedProcess process) {
        if (closed || exiting || process != current) {
            return;
        }
        String said = process.name() + " exited with code " + process.exitCode() + " (its log: " + process.log() + ")";
        if (whenLost != null) {
            LOG.severe(said + "; the suite cannot run without it");
            // not on this Supervised's timer: whenLost closes everything, this too, which stops the timer
            Thread lost = new Thread(() -> whenLost.accept(said), "lost " + process.name());
            lost.start();
            return;
        }
        synchronized (this) {
            if (Duration.between(startedAt, Instant.now()).compareTo(SETTLED) > 0) {
                tries = 0;
            }
        }
        retryLater(said);
    }

    private synchronized void retryLater(String said) {
        long wait = Math.min(LONGEST_WAIT_SECONDS, 1L << Math.min(tries, 6));
        tries++;
        LOG.severe(said + "; starting it again in " + wait + " s");
        if (!closed) {
            timer.schedule(this::startAgain, wait, TimeUnit.SECONDS);
        }
    }

    private void startAgain() {
        if (closed || exiting) {
            return;
        }
        ManagedProcess again;
        try {
            again = startAgain.apply(current);
        } catch (RuntimeException e) {
            retryLater("Starting " + current.name() + " again failed: " + e.getMessage());
            return;
        }
        synchronized (this) {
            if (closed) {
                again.close();
                return;
            }
            watch(again);
        }
        LOG.warning(() -> again.name() + " is running again");
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        timer.shutdownNow();
        current.close();
    }
}
