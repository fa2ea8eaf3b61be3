package io.convene.notification;

import io.convene.shared.QueueMessages;
import io.convene.platform.QueueConsumers;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * Takes notices off the queue and delivers them, in the transaction that consumes the message: if
 * delivery fails, the message goes back and the broker retries it with growing delays, then parks
 * it on the dead-letter queue (see docs/notifications.md). When every session is busy, a session
 * takes along what waits behind its notice, up to {@value #MOST_TOGETHER} in one transaction
 * ({@link WaitingNotices}). No session holds notices in a buffer of its own (a consumer window of
 * 0), where a busy one could not take them along.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = QueueConsumers.DESTINATION_TYPE),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = Notices.QUEUE),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = QueueConsumers.USE_JNDI),
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = QueueConsumers.RESOURCE_ADAPTER),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = NoticeDispatcher.SESSIONS),
        @ActivationConfigProperty(propertyName = "consumerWindowSize", propertyValue = "0"),
        @ActivationConfigProperty(propertyName = "reconnectAttempts", propertyValue = QueueConsumers.RECONNECT_ATTEMPTS),
        @ActivationConfigProperty(propertyName = "setupAttempts", propertyValue = QueueConsumers.SETUP_ATTEMPTS),
        @ActivationConfigProperty(propertyName = "setupInterval", propertyValue = QueueConsumers.SETUP_INTERVAL_MILLIS)})
public class NoticeDispatcher implements MessageListener {

    private static final Logger LOG = Logger.getLogger(NoticeDispatcher.class.getName());
    static final String SESSIONS = "4";
    private static final int SESSION_COUNT = Integer.parseInt(SESSIONS);
    static final int MOST_TOGETHER = 50;
    /** Sessions delivering now, across the pooled instances. */
    private static final AtomicInteger BUSY = new AtomicInteger();

    @Inject
    Deliveries deliveries;

    @Inject
    WaitingNotices waiting;

    @Inject
    io.convene.platform.DatabaseOutageRetry outage;

    @Override
    public void onMessage(Message message) {
        if (outage.putBackWhileDatabaseAway(message, Notices.QUEUE)) {
            return;
        }
        BUSY.incrementAndGet();
        try {
            List<Notice> notices = new ArrayList<>();
            notices.add(QueueMessages.read(message.getBody(String.class), Notice.class));
            if (BUSY.get() >= SESSION_COUNT && WaitingNotices.together(message)) {
                waiting.takeInto(notices, MOST_TOGETHER);
            }
            if (notices.size() > 1) {
                LOG.info(() -> "Delivering " + notices.size() + " notices in one transaction (they waited together on the queue)");
            }
            deliveries.deliver(notices);
        } catch (JMSException e) {
            throw new IllegalStateException("Unreadable notice " + safeId(message), e);
        } finally {
            BUSY.decrementAndGet();
        }
    }

    private static String safeId(Message message) {
        try {
            return message.getJMSMessageID();
        } catch (JMSException e) {
            return "(no id)";
        }
    }
}
