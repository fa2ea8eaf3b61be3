package io.convene.poll.persistence;

import io.convene.poll.Poll;
import io.convene.poll.PollRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@link PollRepository} in PostgreSQL: polls and their options by JPA, votes by SQL. */
@ApplicationScoped
public class JpaPollRepository implements PollRepository {

    @PersistenceContext(unitName = "convene")
    private EntityManager em;

    @Override
    public void add(Poll poll) {
        em.persist(poll);
    }

    @Override
    public Optional<Poll> byId(UUID meetingId, UUID pollId) {
        return Optional.ofNullable(em.find(Poll.class, pollId)).filter(p -> p.meetingId().equals(meetingId));
    }

    @Override
    public List<Poll> ofMeeting(UUID meetingId) {
        return em.createQuery("select p from Poll p where p.meetingId = :m order by p.createdAt", Poll.class)
                .setParameter("m", meetingId).getResultList();
    }

    @Override
    public boolean vote(UUID pollId, UUID participationId, List<UUID> optionIds, Instant at) {
        int earlier = em.createNativeQuery("delete from poll_votes where poll_id = ?1 and participation_id = ?2")
                .setParameter(1, pollId).setParameter(2, participationId).executeUpdate();
        for (UUID option : optionIds) {
            em.createNativeQuery("insert into poll_votes (poll_id, option_id, participation_id, voted_at) values (?1, ?2, ?3, ?4)")
                    .setParameter(1, pollId).setParameter(2, option).setParameter(3, participationId).setParameter(4, at)
                    .executeUpdate();
        }
        return earlier == 0;
    }

    @Override
    public List<Vote> votes(UUID pollId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select option_id, participation_id from poll_votes where poll_id = ?1")
                .setParameter(1, pollId).getResultList();
        return rows.stream().map(r -> new Vote((UUID) r[0], (UUID) r[1])).toList();
    }
}
