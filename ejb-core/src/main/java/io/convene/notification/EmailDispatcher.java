package io.convene.notification;

import io.convene.shared.QueueMessages;
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
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = EmailDeliveries.QUEUE),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "artemis-rar"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4"),
        // consumers ride out a broker restart of any length (senders give up after ~3 s: ra.xml)
        @ActivationConfigProperty(propertyName = "reconnectAttempts", propertyValue = "-1"),
        @ActivationConfigProperty(propertyName = "setupAttempts", propertyValue = "-1"),
        @ActivationConfigProperty(propertyName = "setupInterval", propertyValue = "2000")})
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
