package io.convene.integration;

import io.convene.platform.QueueConsumers;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/** Delivers announcements to outside services, one connection per message (retried by the broker). */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = QueueConsumers.DESTINATION_TYPE),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = Announcements.QUEUE),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = QueueConsumers.USE_JNDI),
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = QueueConsumers.RESOURCE_ADAPTER),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2"),
        @ActivationConfigProperty(propertyName = "reconnectAttempts", propertyValue = QueueConsumers.RECONNECT_ATTEMPTS),
        @ActivationConfigProperty(propertyName = "setupAttempts", propertyValue = QueueConsumers.SETUP_ATTEMPTS),
        @ActivationConfigProperty(propertyName = "setupInterval", propertyValue = QueueConsumers.SETUP_INTERVAL_MILLIS)})
public class IntegrationDispatcher implements MessageListener {

    @Inject
    IntegrationDeliveries deliveries;

    @Inject
    io.convene.platform.DatabaseOutageRetry outage;

    @Override
    public void onMessage(Message message) {
        if (outage.putBackWhileDatabaseAway(message, Announcements.QUEUE)) {
            return;
        }
        try {
            deliveries.deliver(message.getBody(String.class));
        } catch (JMSException e) {
            throw new IllegalStateException("Unreadable integration delivery", e);
        }
    }
}
