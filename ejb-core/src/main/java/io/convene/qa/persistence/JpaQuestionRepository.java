package io.convene.qa.persistence;

import io.convene.qa.Question;
import io.convene.qa.QuestionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** {@link QuestionRepository} in PostgreSQL: questions by JPA, upvotes by SQL. */
@ApplicationScoped
public class JpaQuestionRepository implements QuestionRepository {

    @PersistenceContext(unitName = "convene")
    private EntityManager em;

    @Override
    public void add(Question question) {
        em.persist(question);
    }

    @Override
    public Optional<Question> byId(UUID questionId) {
        return Optional.ofNullable(em.find(Question.class, questionId));
    }

    @Override
    public List<Question> ofMeeting(UUID meetingId) {
        return em.createQuery("select q from Question q where q.meetingId = :m", Question.class)
                .setParameter("m", meetingId).getResultList();
    }

    @Override
    public boolean upvote(UUID questionId, UUID participationId, Instant at) {
        return em.createNativeQuery("insert into question_votes (question_id, participation_id, voted_at) values (?1, ?2, ?3)"
                        + " on conflict do nothing")
                .setParameter(1, questionId).setParameter(2, participationId).setParameter(3, at).executeUpdate() > 0;
    }

    @Override
    public boolean withdrawUpvote(UUID questionId, UUID participationId) {
        return em.createNativeQuery("delete from question_votes where question_id = ?1 and participation_id = ?2")
                .setParameter(1, questionId).setParameter(2, participationId).executeUpdate() > 0;
    }

    @Override
    public Map<UUID, Long> upvotes(List<UUID> questionIds) {
        Map<UUID, Long> votes = new HashMap<>();
        if (!questionIds.isEmpty()) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery(
                            "select question_id, count(*) from question_votes where question_id = any(?1) group by question_id")
                    .setParameter(1, questionIds.toArray(new UUID[0])).getResultList();
            rows.forEach(r -> votes.put((UUID) r[0], ((Number) r[1]).longValue()));
        }
        return votes;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Set<UUID> upvotedBy(UUID participationId) {
        return new HashSet<>(em.createNativeQuery("select question_id from question_votes where participation_id = ?1")
                .setParameter(1, participationId).getResultList());
    }
}
