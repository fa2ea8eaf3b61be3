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
 * Sends the e-mail deliveries, one message each: a failure (SMTP down, refused) rolls the message
 * back, the broker retries it with growing delays and finally parks it on the dead-letter queue,
 * while the other channels of the same notice are not repeated.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = QueueConsumers.DESTINATION_TYPE),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = EmailDeliveries.QUEUE),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = QueueConsumers.USE_JNDI),
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = QueueConsumers.RESOURCE_ADAPTER),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4"),
        @ActivationConfigProperty(propertyName = "reconnectAttempts", propertyValue = QueueConsumers.RECONNECT_ATTEMPTS),
        @ActivationConfigProperty(propertyName = "setupAttempts", propertyValue = QueueConsumers.SETUP_ATTEMPTS),
        @ActivationConfigProperty(propertyName = "setupInterval", propertyValue = QueueConsumers.SETUP_INTERVAL_MILLIS)})
public class EmailDispatcher implements MessageListener {

    @Inject
    EmailDeliveries deliveries;

    @Inject
    io.convene.platform.ProductCounters counters;

    @Inject
    io.convene.platform.DatabaseOutageRetry outage;

    @Override
    public void onMessage(Message message) {
        if (outage.putBackWhileDatabaseAway(message, EmailDeliveries.QUEUE)) {
            return;
        }
        try {
            deliveries.send(QueueMessages.read(message.getBody(String.class), EmailDeliveries.Delivery.class));
        } catch (JMSException e) {
            throw new IllegalStateException("Unreadable e-mail delivery", e);
        } catch (RuntimeException e) {
            counters.deliveryFailed("EMAIL");
            throw e;
        }
    }
}
