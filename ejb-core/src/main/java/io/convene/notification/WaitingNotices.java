package io.convene.notification;

import io.convene.shared.QueueMessages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import java.util.List;
import java.util.logging.Logger;

/**
 * The notices waiting on the queue behind the one a busy session took, taken along in its
 * transaction: delivered together, committed once (one two-phase commit with the broker, one flush
 * to disk), and all put back if any fails. Only first deliveries travel together. A notice that
 * failed once, or cannot be read, is sent back to the queue marked to go alone ({@value #ALONE}) in
 * the same transaction, so one bad notice costs the others at most one attempt, and its own attempts
 * are counted alone until the dead-letter queue takes it.
 */
@ApplicationScoped
public class WaitingNotices {

    /** Set on a notice that goes alone: it failed once with others, or could not be read. */
    static final String ALONE = "convene_alone";
    private static final Logger LOG = Logger.getLogger(WaitingNotices.class.getName());

    @Inject
    @JMSConnectionFactory("jms/convene")
    JMSContext jms;

    /** Whether a message may travel with others: delivered for the first time and not marked to go alone. */
    static boolean together(Message message) {
        try {
            return !message.propertyExists(ALONE) && message.getIntProperty("JMSXDeliveryCount") <= 1;
        } catch (JMSException | NumberFormatException e) {
            return false;
        }
    }

    /** Adds what waits on the queue to {@code notices}, until it holds {@code most} or the queue is empty. */
    void takeInto(List<Notice> notices, int most) {
        Queue queue = jms.createQueue(Notices.QUEUE);
        int sentAlone = 0;
        try (JMSConsumer waiting = jms.createConsumer(queue, ALONE + " IS NULL")) {
            while (notices.size() < most) {
                Message message = waiting.receiveNoWait();
                if (message == null) {
                    break;
                }
                Notice notice = together(message) ? readable(message) : null;
                if (notice != null) {
                    notices.add(notice);
                } else {
                    goAlone(message, queue);
                    sentAlone++;
                }
            }
        }
        if (sentAlone > 0) {
            int alone = sentAlone;
            LOG.info(() -> alone + " notice(s) that failed before or cannot be read sent back to go alone");
        }
    }

    private static Notice readable(Message message) {
        try {
            return QueueMessages.read(message.getBody(String.class), Notice.class);
        } catch (JMSException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The message again (whatever its body), with its own properties (how long it has waited for the
     * database), to be taken on its own.
     */
    private void goAlone(Message message, Queue queue) {
        try {
            JMSProducer producer = jms.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT);
            QueueMessages.marks(message).forEach(producer::setProperty);
            producer.setProperty(ALONE, true);
            message.clearProperties(); // a received message's properties are read-only until cleared
            producer.send(queue, message);
        } catch (JMSException e) {
            throw new IllegalStateException("Cannot send a notice back to its queue", e);
        }
    }
}
