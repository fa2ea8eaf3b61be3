package io.convene.integration;

import io.convene.meeting.JoinLinks;
import io.convene.meeting.Meeting;
import io.convene.platform.Sealing;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * One announcement to one connection: reads the meeting as it is now, opens the connection's
 * secret, hands both to the gateway, and records how it went on the connection (kept even when the
 * delivery rolls back to be retried). A delivery that already went through is not sent again.
 */
@ApplicationScoped
public class IntegrationDeliveries {

    private static final Logger LOG = Logger.getLogger(IntegrationDeliveries.class.getName());

    @PersistenceContext(unitName = "convene")
    EntityManager em;

    @EJB
    IntegrationGateway gateway;

    @EJB
    ConnectionHealth health;

    @Inject
    JoinLinks links;

    @Inject
    Sealing sealing;

    void deliver(String message) {
        JsonObject d;
        try (JsonReader reader = Json.createReader(new StringReader(message))) {
            d = reader.readObject();
        }
        UUID deliveryId = UUID.fromString(d.getString("deliveryId"));
        Announcement.Event event = Announcement.Event.valueOf(d.getString("event"));
        Meeting meeting = em.find(Meeting.class, UUID.fromString(d.getString("meetingId")));
        Connection connection = em.find(Connection.class, UUID.fromString(d.getString("connectionId")));
        if (meeting == null || connection == null) {
            LOG.info(() -> "Integration delivery " + deliveryId + " dropped: meeting or connection gone");
            return;
        }
        if (alreadyDone(deliveryId)) {
            LOG.info(() -> "Integration delivery " + deliveryId + " was done before; not repeated");
            return;
        }
        Announcement.Target target = new Announcement.Target(connection.id(), connection.provider(),
                connection.settings(), connection.secretSealed() == null ? null : sealing.open(connection.secretSealed()));
        Announcement announcement = new Announcement(event, meeting.id(), meeting.title(), meeting.slot().start(),
                meeting.slot().end(), meeting.timeZone().getId(), meeting.host().name(), links.of(meeting), List.of(target));
        try {
            gateway.announce(announcement, target);
        } catch (IntegrationFailedException e) {
            health.failed(connection.id(), e.getMessage());
            LOG.warning(() -> "Integration delivery " + deliveryId + " " + event + " to " + connection.provider()
                    + " failed (retried by the broker): " + e);
            throw e;
        }
        health.succeeded(connection.id());
        em.createNativeQuery("insert into integration_deliveries (id, connection_id, delivered_at) values (?1, ?2, now())")
                .setParameter(1, deliveryId).setParameter(2, connection.id()).executeUpdate();
        LOG.info(() -> "Integration delivery " + deliveryId + " " + event + " of meeting " + meeting.id() + " to "
                + connection.provider() + " done");
    }

    private boolean alreadyDone(UUID deliveryId) {
        return ((Number) em.createNativeQuery("select count(*) from integration_deliveries where id = ?1")
                .setParameter(1, deliveryId).getSingleResult()).longValue() > 0;
    }
}
