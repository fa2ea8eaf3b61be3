package io.convene.integration.persistence;

import io.convene.integration.CalendarAuthorization;
import io.convene.integration.CalendarAuthorizationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;

/** {@link CalendarAuthorizationRepository} in PostgreSQL, by JPA. */
@ApplicationScoped
public class JpaCalendarAuthorizationRepository implements CalendarAuthorizationRepository {

    @PersistenceContext(unitName = "convene")
    private EntityManager em;

    @Override
    public void add(CalendarAuthorization attempt, Instant forgetBefore) {
        em.createQuery("delete from CalendarAuthorization a where a.createdAt < :old")
                .setParameter("old", forgetBefore).executeUpdate();
        em.persist(attempt);
    }

    @Override
    public Optional<CalendarAuthorization> takeable(String state) {
        return Optional.ofNullable(em.find(CalendarAuthorization.class, state, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public void remove(CalendarAuthorization attempt) {
        em.remove(attempt);
    }
}
