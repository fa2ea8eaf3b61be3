package io.convene.platform;

import io.convene.shared.QueueMessages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Queue consumers' patience with the database. A message taken off a queue while PostgreSQL cannot be
 * reached is not at fault, so it is not spent on the broker's few redeliveries (seconds, then the
 * dead-letter queue): it goes back on its queue for later, in the transaction that took it off (one
 * copy, never two, never none), 5 s later, then 10, 20, 40 s, then every minute, for as long as
 * {@code convene.queues.database-patience} (10 minutes). After that it is handled as usual — it fails,
 * is redelivered and dead-lettered — with one SEVERE line saying why.
 */
@ApplicationScoped
public class DatabaseOutageRetry {

    static final String WAITING_SINCE = "convene_db_waiting_since";
    static final String WAITS = "convene_db_waits";
    private static final Logger LOG = Logger.getLogger(DatabaseOutageRetry.class.getName());

    private final AtomicLong lastWarning = new AtomicLong();
    private final AtomicInteger sinceLastWarning = new AtomicInteger();

    @Inject
    DatabaseReach database;

    @Inject
    @JMSConnectionFactory("jms/convene")
    JMSContext jms;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "convene.queues.database-patience", defaultValue = "PT10M")
    Duration patience;

    /**
     * Call first thing in {@code onMessage}.
     *
     * @return true when the database is out of reach and the message was put back on {@code queue} for later
     */
    public boolean putBackWhileDatabaseAway(Message message, String queue) {
        var problem = database.problem();
        if (problem.isEmpty()) {
            return false;
        }
        try {
            long now = clock.instant().toEpochMilli(); // not millis(): a sub-millisecond tick clock divides by zero there
            long since = message.propertyExists(WAITING_SINCE) ? message.getLongProperty(WAITING_SINCE) : now;
            int waits = message.propertyExists(WAITS) ? message.getIntProperty(WAITS) : 0;
            if (now - since >= patience.toMillis()) {
                LOG.severe(() -> "A message on " + queue + " waited " + Duration.ofMillis(now - since).toSeconds()
                        + " s for the database (" + problem.get() + "); it goes to the dead-letter queue if it fails now");
                return false;
            }
            long delay = Math.min(60_000, 5_000L << Math.min(waits, 4));
            TextMessage copy = jms.createTextMessage(message.getBody(String.class));
            for (var mark : QueueMessages.marks(message).entrySet()) { // what the consumer marked it with stays
                copy.setObjectProperty(mark.getKey(), mark.getValue());
            }
            copy.setLongProperty(WAITING_SINCE, since);
            copy.setIntProperty(WAITS, waits + 1);
            jms.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT).setDeliveryDelay(delay)
                    .send(jms.createQueue(queue), copy);
            sinceLastWarning.incrementAndGet();
            long warned = lastWarning.get();
            if (now - warned >= 60_000 && lastWarning.compareAndSet(warned, now)) { // a line a minute, not one a message
                int count = sinceLastWarning.getAndSet(0);
                LOG.warning(() -> "The database is out of reach (" + problem.get() + "): " + count + " message(s) put back"
                        + " on their queues to be tried again, each for up to " + patience.toMinutes() + " minutes");
            }
            return true;
        } catch (JMSException e) {
            throw new IllegalStateException("Cannot put a message back on " + queue, e);
        }
    }
}
