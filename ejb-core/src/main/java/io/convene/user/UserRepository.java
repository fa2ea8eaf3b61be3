package io.convene.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

@ApplicationScoped
public class UserRepository {

    @PersistenceContext(unitName = "convene")
    private EntityManager em;

    public Optional<User> bySubject(String subject) {
        return em.createQuery("select u from User u where u.subject = :s", User.class)
                .setParameter("s", subject).getResultStream().findFirst();
    }

    public Optional<User> byEmail(String email) {
        return em.createQuery("select u from User u where u.email = :e", User.class)
                .setParameter("e", User.normalizeEmail(email)).getResultStream().findFirst();
    }

    /** Locks the user's row until the transaction ends: serialises scheduling per host. */
    public User lock(User user) {
        return em.find(User.class, user.id(), LockModeType.PESSIMISTIC_WRITE);
    }
    public void add(User user) {
        em.persist(user);
    }

    public void flush() {
        em.flush();
    }
}
