package io.convene.whiteboard.persistence;

import io.convene.whiteboard.Whiteboard;
import io.convene.whiteboard.WhiteboardOp;
import io.convene.whiteboard.WhiteboardRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@link WhiteboardRepository} in PostgreSQL, by JPA. */
@ApplicationScoped
public class JpaWhiteboardRepository implements WhiteboardRepository {

    @PersistenceContext(unitName = "convene")
    private EntityManager em;

    @Override
    public void add(Whiteboard board) {
        em.persist(board);
    }

    @Override
    public void add(WhiteboardOp op) {
        em.persist(op);
    }

    @Override
    public Optional<Whiteboard> board(UUID meetingId, UUID room, boolean forUpdate) {
        var query = em.createQuery("select w from Whiteboard w where w.meetingId = :m and "
                        + (room == null ? "w.roomId is null" : "w.roomId = :r"), Whiteboard.class)
                .setParameter("m", meetingId)
                .setLockMode(forUpdate ? LockModeType.PESSIMISTIC_WRITE : LockModeType.NONE);
        if (room != null) {
            query.setParameter("r", room);
        }
        return query.getResultStream().findFirst();
    }

    @Override
    public boolean hasOp(UUID boardId, UUID authorId, String opId) {
        return !em.createQuery("select o.seq from WhiteboardOp o where o.boardId = :b and o.authorId = :a and o.opId = :o",
                        Long.class)
                .setParameter("b", boardId).setParameter("a", authorId).setParameter("o", opId)
                .getResultList().isEmpty();
    }

    @Override
    public List<WhiteboardOp> ops(UUID boardId) {
        return em.createQuery("select o from WhiteboardOp o where o.boardId = :b order by o.seq", WhiteboardOp.class)
                .setParameter("b", boardId).getResultList();
    }
}
