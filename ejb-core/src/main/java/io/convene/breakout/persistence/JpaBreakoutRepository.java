package io.convene.breakout.persistence;

import io.convene.breakout.BreakoutRepository;
import io.convene.breakout.BreakoutRoom;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@link BreakoutRepository} in PostgreSQL, by JPA. */
@ApplicationScoped
public class JpaBreakoutRepository implements BreakoutRepository {

    @PersistenceContext(unitName = "convene")
    private EntityManager em;

    @Override
    public List<BreakoutRoom> ofMeeting(UUID meetingId) {
        return em.createQuery("select r from BreakoutRoom r where r.meetingId = :m order by r.position", BreakoutRoom.class)
                .setParameter("m", meetingId).getResultList();
    }

    @Override
    public Optional<BreakoutRoom> byId(UUID roomId) {
        return Optional.ofNullable(em.find(BreakoutRoom.class, roomId));
    }

    @Override
    public void replace(UUID meetingId, List<BreakoutRoom> rooms) {
        em.flush(); // participations leave the old rooms before the rooms go
        ofMeeting(meetingId).forEach(em::remove);
        em.flush(); // the old rooms' positions are free before the new ones take them
        rooms.forEach(em::persist);
        em.flush();
    }
}
