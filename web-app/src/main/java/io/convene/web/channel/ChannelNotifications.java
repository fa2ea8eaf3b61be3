package io.convene.web.channel;

import io.convene.meeting.MeetingEventLog;
import io.convene.notification.NotificationService;
import io.convene.user.ActiveAccounts;
import io.convene.web.notification.NotificationHub;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Listens for the NOTIFY that {@link MeetingEventLog} sends when a change commits (and the one of
 * stored notifications), on a database connection of its own (outside the pool, which would take a
 * listening connection back), and hands each meeting id to the {@link ChannelHub}, each user id to
 * the {@link NotificationHub}, each deactivated person's subject to {@link ActiveAccounts} (which
 * remembers nobody while this connection is down). Reconnects after a database outage and then
 * catches every listener up, so nothing announced while it was away is lost.
 */
@Singleton
@Startup
public class ChannelNotifications {

    private static final Logger LOG = Logger.getLogger(ChannelNotifications.class.getName());

    @Resource
    ManagedThreadFactory threads;

    @Inject
    ChannelHub hub;

    @Inject
    NotificationHub notificationHub;

    @Inject
    ActiveAccounts activeAccounts;

    @Inject
    @ConfigProperty(name = "convene.db.url")
    String url;

    @Inject
    @ConfigProperty(name = "convene.db.user")
    String user;

    @Inject
    @ConfigProperty(name = "convene.db.password")
    String password;

    private volatile boolean running = true;
    private volatile Connection connection;
    private Thread listener;

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry metrics;

    @PostConstruct
    void start() {
        metrics.gauge(Metadata.builder().withName("convene.channel.sockets")
                .withDescription("Meeting channel sockets open on this node").build(), hub, ChannelHub::openSockets);
        metrics.gauge(Metadata.builder().withName("convene.accounts.remembered-active")
                .withDescription("People this node found active lately and does not ask the database about again").build(),
                activeAccounts, ActiveAccounts::remembered);
        listener = threads.newThread(this::listenWhileRunning);
        listener.setName("convene-channel-notifications");
        listener.start();
    }

    @PreDestroy
    void stop() {
        running = false;
        listener.interrupt();
        closeQuietly();
    }

    /** However the listening ends, deactivations are no longer heard: nobody is remembered active. */
    private void listenWhileRunning() {
        try {
            listen();
        } finally {
            activeAccounts.listening(false);
        }
    }

    private void listen() {
        boolean first = true;
        while (running) {
            try {
                connect();
                if (!first) {
                    hub.deliverAll();
                    notificationHub.deliverAll();
                }
                first = false;
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(500);
                    if (notifications != null) {
                        for (PGNotification n : notifications) {
                            deliver(n.getName(), n.getParameter());
                        }
                    }
                }
            } catch (SQLException e) {
                activeAccounts.listening(false);
                if (running) {
                    if (lostSince == 0) { // one line per outage, not one a second
                        lostSince = System.nanoTime();
                        LOG.warning(() -> "Lost the channel's NOTIFY connection (" + e.getMessage() + "); reconnecting every second");
                    } else {
                        LOG.log(Level.FINE, "Reconnecting the channel's NOTIFY connection failed", e);
                    }
                    closeQuietly();
                    sleep();
                }
            }
        }
    }

    /** When the NOTIFY connection was lost (nanoTime), 0 while it is up: the listening thread's own. */
    private long lostSince;

    private void deliver(String channel, String id) {
        try {
            if (NotificationService.CHANNEL.equals(channel)) {
                notificationHub.deliver(UUID.fromString(id));
            } else if (ActiveAccounts.CHANNEL.equals(channel)) {
                activeAccounts.deactivated(id);
            } else {
                hub.deliver(UUID.fromString(id));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Delivering " + channel + " of " + id + " failed", e);
        }
    }

    private void connect() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        props.setProperty("ApplicationName", "convene-channel");
        props.setProperty("tcpKeepAlive", "true");
        connection = new org.postgresql.Driver().connect(url, props);
        try (Statement s = connection.createStatement()) {
            s.execute("LISTEN " + MeetingEventLog.CHANNEL);
            s.execute("LISTEN " + NotificationService.CHANNEL);
            s.execute("LISTEN " + ActiveAccounts.CHANNEL);
        }
        activeAccounts.listening(true);
        long lost = lostSince;
        lostSince = 0;
        LOG.info(() -> "Meeting channel listening for events"
                + (lost == 0 ? "" : " again, after " + (System.nanoTime() - lost) / 1_000_000_000 + " s"));
    }

    private void closeQuietly() {
        Connection c = connection;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // it is being replaced or the application stops
            }
        }
    }

    private void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
