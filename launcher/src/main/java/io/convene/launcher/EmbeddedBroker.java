package io.convene.launcher;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.activemq.artemis.api.core.Interceptor;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.config.impl.SecurityConfiguration;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.spi.core.security.ActiveMQJAASSecurityManager;
import org.apache.activemq.artemis.spi.core.security.jaas.InVMLoginModule;

/**
 * An ActiveMQ Artemis broker in the launcher's JVM: journal on disk (a restart loses nothing),
 * listening on 127.0.0.1 only, one user. A message that keeps failing is redelivered with growing
 * delays and then parked on {@value #DEAD_LETTERS}, where admins list and replay it.
 */
public final class EmbeddedBroker implements AutoCloseable {

    public static final String DEAD_LETTERS = "convene.dead-letters";
    static final int MAX_DELIVERY_ATTEMPTS = 5;

    /**
     * Artemis's audit log: every message sent and consumed, with the address's bindings, at INFO,
     * which the JDK's logging shows by default (Artemis's own distribution turns it off). Off here
     * too, unless the operator's logging configuration names a level for it. Kept referenced so the
     * level stays.
     */
    private static final Logger AUDIT = Logger.getLogger("org.apache.activemq.audit");

    static {
        if (AUDIT.getLevel() == null) {
            AUDIT.setLevel(Level.OFF);
        }
    }

    private final Path dataDir;
    private final int port;
    private final String user;
    private final String password;
    private EmbeddedActiveMQ server;

    private EmbeddedBroker(Path dataDir, int port, String user, String password) {
        this.dataDir = dataDir.toAbsolutePath();
        this.port = port;
        this.user = user;
        this.password = password;
    }

    public static EmbeddedBroker start(Path dataDir, int port, String user, String password) {
        EmbeddedBroker broker = new EmbeddedBroker(dataDir, port, user, password);
        broker.start();
        return broker;
    }

    /** Starts it again on the same journal (tests use this to stop and restart the broker). */
    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            ConfigurationImpl config = new ConfigurationImpl();
            config.setName("convene");
            config.setPersistenceEnabled(true);
            config.setJournalDirectory(dataDir.resolve("journal").toString());
            config.setBindingsDirectory(dataDir.resolve("bindings").toString());
            config.setLargeMessagesDirectory(dataDir.resolve("large-messages").toString());
            config.setPagingDirectory(dataDir.resolve("paging").toString());
            config.setJMXManagementEnabled(false);
            config.setSecurityEnabled(true);
            config.addAcceptorConfiguration("core", "tcp://127.0.0.1:" + port + "?protocols=CORE");
            config.addAddressSetting("#", new AddressSettings()
                    .setDeadLetterAddress(SimpleString.of(DEAD_LETTERS))
                    .setMaxDeliveryAttempts(MAX_DELIVERY_ATTEMPTS)
                    .setRedeliveryDelay(1000).setRedeliveryMultiplier(2).setMaxRedeliveryDelay(30_000)
                    .setAutoCreateQueues(true).setAutoCreateAddresses(true));
            config.addQueueConfiguration(QueueConfiguration.of(DEAD_LETTERS).setRoutingType(RoutingType.ANYCAST));
            config.putSecurityRoles("#", Set.of(new Role("convene",
                    true, true, true, true, true, true, true, true, true, true, true, true)));
            SecurityConfiguration users = new SecurityConfiguration();
            users.addUser(user, password);
            users.addRole(user, "convene");
            EmbeddedActiveMQ started = new EmbeddedActiveMQ();
            started.setConfiguration(config);
            started.setSecurityManager(new ActiveMQJAASSecurityManager(InVMLoginModule.class.getName(), users));
            started.start();
            server = started;
        } catch (Exception e) {
            throw new IllegalStateException("The Artemis broker did not start on port " + port, e);
        }
    }

    /** Stops the broker; what it holds stays in its journal. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("The Artemis broker did not stop", e);
        } finally {
            server = null;
        }
    }

    /**
     * For tests: the broker stops answering (its connections stay open; nothing it is sent is read or
     * answered, pings included), as a hung broker does, until the answer is closed.
     */
    public synchronized AutoCloseable hang() {
        if (server == null) {
            throw new IllegalStateException("The broker is not running");
        }
        CountDownLatch released = new CountDownLatch(1);
        Interceptor stall = (packet, connection) -> {
            try {
                released.await(10, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return true;
        };
        var remoting = server.getActiveMQServer().getRemotingService();
        remoting.addIncomingInterceptor(stall);
        return () -> {
            remoting.removeIncomingInterceptor(stall);
            released.countDown();
        };
    }

    /** For tests: the queue keeps what it is sent but hands nothing to its consumers until the answer is closed. */
    public synchronized AutoCloseable pause(String queue) {
        var paused = server.getActiveMQServer().locateQueue(SimpleString.of(queue));
        if (paused == null) {
            throw new IllegalStateException("No queue " + queue);
        }
        paused.pause();
        return paused::resume;
    }

    /** For tests: how many messages the queue holds now (scheduled ones included). */
    public synchronized long messageCount(String queue) {
        var found = server.getActiveMQServer().locateQueue(SimpleString.of(queue));
        return found == null ? 0 : found.getMessageCount();
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        stop();
    }
}
