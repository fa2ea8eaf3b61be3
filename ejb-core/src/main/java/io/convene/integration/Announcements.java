package io.convene.integration;

import io.convene.meeting.Meeting;
import io.convene.shared.UnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Tells the connected outside services about a meeting: one message per connection on
 * {@value #QUEUE}, in the caller's transaction (XA, like notices), so each connection is retried on
 * its own and none hears of a change that rolled back.
 */
@ApplicationScoped
public class Announcements {

    public static final String QUEUE = "convene.integrations";
    private static final Logger LOG = Logger.getLogger(Announcements.class.getName());

    @PersistenceContext(unitName = "convene")
    EntityManager em;

    @Inject
    @JMSConnectionFactory("jms/convene")
    JMSContext jms;

    public void publish(Announcement.Event event, Meeting meeting) {
        List<Connection> targets = em.createQuery("""
                        select c from Connection c
                        where c.provider in :orgWide and c.userId is null""", Connection.class)
                .setParameter("orgWide", List.of(Provider.SLACK)).getResultList();
        if (targets.isEmpty()) {
            return;
        }
        try {
            for (Connection c : targets) {
                String delivery = Json.createObjectBuilder().add("deliveryId", UUID.randomUUID().toString())
                        .add("event", event.name()).add("meetingId", meeting.id().toString())
                        .add("connectionId", c.id().toString()).build().toString();
                jms.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT).send(jms.createQueue(QUEUE), delivery);
            }
        } catch (JMSRuntimeException e) {
            LOG.warning(() -> "Publishing " + event + " of meeting " + meeting.id() + " failed: " + e);
            throw new UnavailableException("Integrations cannot be told right now (message broker unreachable); "
                    + "nothing was changed, try again");
        }
        LOG.info(() -> "Announced " + event + " of meeting " + meeting.id() + " to " + targets.size() + " connections");
    }
}
