package io.convene.notification;

import io.convene.shared.QueueMessages;
import io.convene.platform.QueueConsumers;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Takes notices off the queue and delivers them, in the transaction that consumes the message: if
 * delivery fails, the message goes back and the broker retries it with growing delays, then parks
 * it on the dead-letter queue (see docs/notifications.md).
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = QueueConsumers.DESTINATION_TYPE),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = Notices.QUEUE),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = QueueConsumers.USE_JNDI),
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = QueueConsumers.RESOURCE_ADAPTER),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4"),
        @ActivationConfigProperty(propertyName = "reconnectAttempts", propertyValue = QueueConsumers.RECONNECT_ATTEMPTS),
        @ActivationConfigProperty(propertyName = "setupAttempts", propertyValue = QueueConsumers.SETUP_ATTEMPTS),
        @ActivationConfigProperty(propertyName = "setupInterval", propertyValue = QueueConsumers.SETUP_INTERVAL_MILLIS)})
public class NoticeDispatcher implements MessageListener {

    @Inject
    Deliveries deliveries;

    @Inject
    io.convene.platform.DatabaseOutageRetry outage;

    @Override
    public void onMessage(Message message) {
        if (outage.putBackWhileDatabaseAway(message, Notices.QUEUE)) {
            return;
        }
        try {
            deliveries.deliver(QueueMessages.read(message.getBody(String.class), Notice.class));
        } catch (JMSException e) {
            throw new IllegalStateException("Unreadable notice " + safeId(message), e);
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
