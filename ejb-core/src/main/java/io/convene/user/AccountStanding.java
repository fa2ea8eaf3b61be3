package io.convene.user;

import io.convene.shared.IdLists;
import io.convene.shared.AccountDeactivatedException;
import io.convene.shared.Caller;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Whether a person may act now. Tokens say who someone is and which roles they had when the token
 * was issued; whether their account is still active is read from the database (users.status, by the
 * token's subject) on every check, so a deactivation bites at once, on every node, within the life
 * of tokens already issued. {@link PermissionCheck} makes the role check and this one in one call,
 * before anything is changed anywhere (the database, Keycloak, a directory, a remote service).
 * <p>
 * An EJB so that the web modules reach it in both assemblies.
 */
@Stateless
public class AccountStanding {

    @PersistenceContext(unitName = "convene")
    EntityManager em;

    /** Whether the account behind this token subject is deactivated; a subject never seen is not. */
    public boolean deactivated(String subject) {
        if (subject == null) {
            return false;
        }
        return !em.createQuery("select u.id from User u where u.subject = :s and u.status = :off", UUID.class)
                .setParameter("s", subject).setParameter("off", UserStatus.DISABLED).setMaxResults(1)
                .getResultList().isEmpty();
    }

    /** Refuses (401) a caller whose account is deactivated. */
    public void requireActive(Caller caller) {
        if (deactivated(caller.subject())) {
            throw new AccountDeactivatedException();
        }
    }

    /** Of these users, the deactivated ones. */
    public Set<UUID> deactivatedUsers(Collection<UUID> userIds) {
        return among(userIds, "select u.id from User u where u.id in :ids and u.status = :off");
    }

    /** Of these participations, those of a person whose account is deactivated (guests have none). */
    public Set<UUID> participationsOfDeactivated(Collection<UUID> participationIds) {
        return among(participationIds, "select p.id from Participation p join p.user u where p.id in :ids and u.status = :off");
    }

    /** The ids the query picks, asked a part at a time ({@link IdLists}). */
    private Set<UUID> among(Collection<UUID> ids, String query) {
        Set<UUID> picked = new HashSet<>();
        for (List<UUID> part : IdLists.parts(ids)) {
            picked.addAll(em.createQuery(query, UUID.class).setParameter("ids", part)
                    .setParameter("off", UserStatus.DISABLED).getResultList());
        }
        return picked;
    }
}
