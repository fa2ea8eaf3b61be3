package io.convene.integration;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.logging.Logger;

/**
 * The copies of meetings in their hosts' own calendars (Google): where each is (its id there), so a
 * change updates the same entry and a cancellation removes it.
 */
@ApplicationScoped
public class CalendarCopies {

    private static final Logger LOG = Logger.getLogger(CalendarCopies.class.getName());

    @PersistenceContext(unitName = "convene")
    EntityManager em;

    @EJB
    IntegrationGateway gateway;

    void push(Announcement announcement, Announcement.Target target, Connection connection) {
        @SuppressWarnings("unchecked")
        List<String> known = em.createNativeQuery("select external_id from calendar_copies where meeting_id = ?1 and connection_id = ?2")
                .setParameter(1, announcement.meetingId()).setParameter(2, connection.id()).getResultList();
        String before = known.isEmpty() ? null : known.get(0);
        String after = gateway.pushToCalendar(announcement, target, before);
        if (after == null) {
            em.createNativeQuery("delete from calendar_copies where meeting_id = ?1 and connection_id = ?2")
                    .setParameter(1, announcement.meetingId()).setParameter(2, connection.id()).executeUpdate();
        } else if (!after.equals(before)) {
            em.createNativeQuery("""
                            insert into calendar_copies (meeting_id, connection_id, external_id) values (?1, ?2, ?3)
                            on conflict (meeting_id, connection_id) do update set external_id = excluded.external_id""")
                    .setParameter(1, announcement.meetingId()).setParameter(2, connection.id()).setParameter(3, after)
                    .executeUpdate();
        }
        LOG.info(() -> "Calendar copy of meeting " + announcement.meetingId() + " in " + connection.provider() + ": "
                + (after == null ? "none" : after));
    }
}
