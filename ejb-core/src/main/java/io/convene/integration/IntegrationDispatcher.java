package io.convene.integration;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/** Delivers announcements to outside services, one connection per message (retried by the broker). */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = Announcements.QUEUE),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "artemis-rar"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2"),
        // consumers ride out a broker restart of any length (senders give up after ~3 s: ra.xml)
        @ActivationConfigProperty(propertyName = "reconnectAttempts", propertyValue = "-1"),
        @ActivationConfigProperty(propertyName = "setupAttempts", propertyValue = "-1"),
        @ActivationConfigProperty(propertyName = "setupInterval", propertyValue = "2000")})
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
