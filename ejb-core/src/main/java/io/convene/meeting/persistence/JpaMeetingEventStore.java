package io.convene.meeting.persistence;

import io.convene.meeting.MeetingEvent;
import io.convene.meeting.MeetingEventLog;
import io.convene.meeting.MeetingEventStore;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;
import java.util.UUID;

/** {@link MeetingEventStore} in PostgreSQL: {@code meeting_events} by JPA, the news by {@code pg_notify}. */
@ApplicationScoped
public class JpaMeetingEventStore implements MeetingEventStore {

    @PersistenceContext(unitName = "convene")
    private EntityManager em;

    @Resource
    TransactionSynchronizationRegistry transaction;

    /**
     * Stores the event; the first of a meeting's events in a transaction also NOTIFYs (PostgreSQL
     * sends a transaction's same notification once anyway, and each statement would flush the
     * persistence context: many events stored together, a batch of chat messages, pay it once).
     */
    @Override
    public void append(MeetingEvent event) {
        em.persist(event);
        String notified = "convene.notified." + event.meetingId();
        if (transaction.getResource(notified) == null) {
            em.createNativeQuery("select pg_notify(?1, ?2)")
                    .setParameter(1, MeetingEventLog.CHANNEL).setParameter(2, event.meetingId().toString()).getSingleResult();
            transaction.putResource(notified, Boolean.TRUE);
        }
    }

    @Override
    public List<MeetingEvent> after(UUID meetingId, long afterSeq, int limit) {
        return em.createQuery("select e from MeetingEvent e where e.meetingId = :m and e.seq > :s order by e.seq",
                        MeetingEvent.class)
                .setParameter("m", meetingId).setParameter("s", afterSeq).setMaxResults(limit).getResultList();
    }
}
