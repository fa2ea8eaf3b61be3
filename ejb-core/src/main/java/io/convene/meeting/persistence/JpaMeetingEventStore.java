package io.convene.meeting.persistence;

import io.convene.meeting.MeetingEvent;
import io.convene.meeting.MeetingEventLog;
import io.convene.meeting.MeetingEventStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;

/** {@link MeetingEventStore} in PostgreSQL: {@code meeting_events} by JPA, the news by {@code pg_notify}. */
@ApplicationScoped
public class JpaMeetingEventStore implements MeetingEventStore {

    @PersistenceContext(unitName = "convene")
    private EntityManager em;

    @Override
    public void append(MeetingEvent event) {
        em.persist(event);
        em.createNativeQuery("select pg_notify(?1, ?2)")
                .setParameter(1, MeetingEventLog.CHANNEL).setParameter(2, event.meetingId().toString()).getSingleResult();
    }

    @Override
    public List<MeetingEvent> after(UUID meetingId, long afterSeq, int limit) {
        return em.createQuery("select e from MeetingEvent e where e.meetingId = :m and e.seq > :s order by e.seq",
                        MeetingEvent.class)
                .setParameter("m", meetingId).setParameter("s", afterSeq).setMaxResults(limit).getResultList();
    }
}
