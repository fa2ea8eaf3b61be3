package io.convene.web.channel;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Drops the channel sockets whose clients stopped reading. Payara buffers whatever is written to a
 * socket, however long its client has not read, so the server cannot tell a slow reader by its
 * writes; instead each socket is pinged every {@code convene.channel.ping-seconds} it has not
 * answered one, and a socket whose ping is still unanswered after
 * {@code convene.channel.ping-patience-seconds} is closed (4408), and with it what was buffered for it.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class NonReadingSockets {

    private static final Logger LOG = Logger.getLogger(NonReadingSockets.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    ChannelHub hub;

    @Inject
    @ConfigProperty(name = "convene.channel.ping-seconds", defaultValue = "15")
    int pingSeconds;

    @Inject
    @ConfigProperty(name = "convene.channel.ping-patience-seconds", defaultValue = "45")
    int patienceSeconds;

    private ScheduledFuture<?> checks;

    @PostConstruct
    void start() {
        if (pingSeconds < 1 || patienceSeconds < 1) {
            throw new IllegalArgumentException("convene.channel.ping-seconds and convene.channel.ping-patience-seconds"
                    + " are whole seconds from 1 (set: " + pingSeconds + ", " + patienceSeconds + ")");
        }
        long tick = Math.max(1_000, Math.min(pingSeconds, patienceSeconds) * 1_000L / 3);
        checks = scheduler.scheduleWithFixedDelay(this::check, tick, tick, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        checks.cancel(false);
    }

    private void check() {
        try {
            hub.dropNonReaders(Duration.ofSeconds(pingSeconds), Duration.ofSeconds(patienceSeconds));
        } catch (RuntimeException e) { // the next check comes all the same
            LOG.log(Level.WARNING, "Checking that channel sockets are read failed; next try in a moment", e);
        }
    }
}
