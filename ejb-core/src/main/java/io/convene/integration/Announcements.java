package io.convene.integration;

import io.convene.meeting.Meeting;
import io.convene.notification.ConnectedServices;
import io.convene.shared.UnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import io.convene.shared.QueueMessages;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Tells the connected outside services and the webhooks that want it about a meeting: one message
 * per connection or webhook on {@value #QUEUE}, in the caller's transaction (XA, like notices), so
 * each is retried on its own and none hears of a change that rolled back.
 */
@ApplicationScoped
public class Announcements implements ConnectedServices {

    public static final String QUEUE = "convene.integrations";
    private static final Logger LOG = Logger.getLogger(Announcements.class.getName());

    @Inject
    ConnectionRepository connections;

    @Inject
    WebhookRepository webhooks;

    @Inject
    @JMSConnectionFactory("jms/convene")
    JMSContext jms;

    public void publish(Announcement.Event event, Meeting meeting) {
        List<ServiceConnection> targets = new java.util.ArrayList<>(connections.organisationWide(
                List.of(Provider.SLACK, Provider.TEAMS)));
        if (event.concernsCalendars()) { // the host's own calendar keeps a copy of the meeting
            targets.addAll(connections.ofUser(meeting.host().id(), List.of(Provider.GOOGLE, Provider.MICROSOFT)));
        }
        List<WebhookEndpoint> hooks = webhooks.all().stream().filter(e -> e.wants(event)).toList();
        if (targets.isEmpty() && hooks.isEmpty()) {
            return;
        }
        try {
            for (ServiceConnection c : targets) {
                put(IntegrationDelivery.toConnection(UUID.randomUUID(), event, meeting.id(), c.id()));
            }
            for (WebhookEndpoint e : hooks) {
                put(IntegrationDelivery.toWebhook(UUID.randomUUID(), event, meeting.id(), e.id()));
            }
        } catch (JMSRuntimeException e) {
            LOG.warning(() -> "Publishing " + event + " of meeting " + meeting.id() + " failed: " + e);
            throw new UnavailableException("Integrations cannot be told right now (message broker unreachable); "
                    + "nothing was changed, try again");
        }
        LOG.info(() -> "Announced " + event + " of meeting " + meeting.id() + " to " + targets.size() + " connections and "
                + hooks.size() + " webhooks");
    }

    /** Google or Outlook invite the attendees of the host's copy, recurring series included. */
    @Override
    public boolean invitesThroughHostsCalendar(Meeting meeting) {
        return connections.hasAny(meeting.host().id(), List.of(Provider.GOOGLE, Provider.MICROSOFT));
    }

    @Override
    public java.util.Optional<UUID> organisationSlack() {
        return connections.organisationConnectionId(Provider.SLACK);
    }

    @Override
    public void directMessage(UUID noticeId, io.convene.notification.NoticeKind kind, Meeting meeting,
                              UUID participationId, UUID slackConnection) {
        put(IntegrationDelivery.directMessage(UUID.nameUUIDFromBytes(
                        (noticeId + "/" + participationId).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                kind, meeting.id(), participationId, slackConnection));
    }

    private void put(IntegrationDelivery delivery) {
        jms.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT).send(jms.createQueue(QUEUE), QueueMessages.write(delivery));
    }
}
