package io.convene.web.channel;

import jakarta.websocket.Session;
import java.lang.reflect.Field;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Spares every frame written to a socket without an idle timeout a pointless task. Tyrus (the
 * WebSocket implementation of Payara 6) re-arms a socket's idle timer on each send, even when the
 * timeout is 0 (off): it schedules a task that will find nothing to do on Payara's managed
 * scheduled executor, whose context capture scans every jar for service files, and then runs it.
 * Profiled, that was most of the ~0.75 ms of CPU each delivered frame cost. This wraps the socket's
 * scheduler so that this one task is not scheduled while the timeout is off; everything else (a
 * timeout set later, Tyrus's heartbeat) goes to Payara's executor as before. Where the socket is
 * not Tyrus's, or its scheduler cannot be reached, nothing changes but the cost (said once).
 */
final class IdleTimerSkip {

    private static final Logger LOG = Logger.getLogger(IdleTimerSkip.class.getName());
    private static final String IDLE_TIMEOUT_TASK = "$IdleTimeoutCommand";
    private static volatile boolean toldUnavailable;

    private IdleTimerSkip() {
    }

    /** Wraps the socket's scheduler (once); true if the socket's per-frame timer is now skipped. */
    static boolean install(Session session) {
        try {
            Field field = schedulerField(session.getClass());
            field.setAccessible(true);
            Object scheduler = field.get(session);
            if (scheduler instanceof SkippingScheduler) {
                return true;
            }
            if (!(scheduler instanceof ScheduledExecutorService payaras)) {
                throw new NoSuchFieldException("no scheduler yet");
            }
            field.set(session, new SkippingScheduler(payaras, session));
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            if (!toldUnavailable) {
                toldUnavailable = true;
                LOG.log(Level.INFO, "WebSocket sessions of " + session.getClass().getName()
                        + " keep re-arming an idle timer on every frame (" + e + ")");
            }
            return false;
        }
    }

    private static Field schedulerField(Class<?> type) throws NoSuchFieldException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField("service");
                if (f.getType() == ScheduledExecutorService.class) {
                    return f;
                }
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        throw new NoSuchFieldException(type.getName() + ".service");
    }

    /** Payara's scheduler, minus the idle-timeout task of a socket whose timeout is off. */
    static final class SkippingScheduler implements ScheduledExecutorService {
        private final ScheduledExecutorService payaras;
        private final Session session;

        SkippingScheduler(ScheduledExecutorService payaras, Session session) {
            this.payaras = payaras;
            this.session = session;
        }

        private boolean pointless(Runnable command) {
            return session.getMaxIdleTimeout() <= 0 && command.getClass().getName().endsWith(IDLE_TIMEOUT_TASK);
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            return pointless(command) ? NotScheduled.INSTANCE : payaras.schedule(command, delay, unit);
        }

        @Override
        public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
            return payaras.schedule(callable, delay, unit);
        }

        @Override
        public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
            return payaras.scheduleAtFixedRate(command, initialDelay, period, unit);
        }

        @Override
        public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
            return payaras.scheduleWithFixedDelay(command, initialDelay, delay, unit);
        }

        @Override
        public void shutdown() {
            payaras.shutdown();
        }

        @Override
        public List<Runnable> shutdownNow() {
            return payaras.shutdownNow();
        }

        @Override
        public boolean isShutdown() {
            return payaras.isShutdown();
        }

        @Override
        public boolean isTerminated() {
            return payaras.isTerminated();
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
            return payaras.awaitTermination(timeout, unit);
        }

        @Override
        public <T> Future<T> submit(Callable<T> task) {
            return payaras.submit(task);
        }

        @Override
        public <T> Future<T> submit(Runnable task, T result) {
            return payaras.submit(task, result);
        }

        @Override
        public Future<?> submit(Runnable task) {
            return payaras.submit(task);
        }

        @Override
        public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks) throws InterruptedException {
            return payaras.invokeAll(tasks);
        }

        @Override
        public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
                throws InterruptedException {
            return payaras.invokeAll(tasks, timeout, unit);
        }

        @Override
        public <T> T invokeAny(Collection<? extends Callable<T>> tasks) throws InterruptedException, ExecutionException {
            return payaras.invokeAny(tasks);
        }

        @Override
        public <T> T invokeAny(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
                throws InterruptedException, ExecutionException, TimeoutException {
            return payaras.invokeAny(tasks, timeout, unit);
        }

        @Override
        public void execute(Runnable command) {
            payaras.execute(command);
        }
    }

    /** The answer for a task not scheduled: done, with nothing to cancel. */
    private static final class NotScheduled implements ScheduledFuture<Object> {
        static final NotScheduled INSTANCE = new NotScheduled();

        @Override
        public long getDelay(TimeUnit unit) {
            return 0;
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(0, other.getDelay(TimeUnit.NANOSECONDS));
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            return false;
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean isDone() {
            return true;
        }

        @Override
        public Object get() {
            return null;
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            return null;
        }
    }
}
