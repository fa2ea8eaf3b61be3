package io.convene.user;

import io.convene.shared.AccountDeactivatedException;
import io.convene.shared.Caller;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/**
 * Whether a person may act now. Tokens say who someone is and which roles they had when the token
 * was issued; whether their account is still active is read from the database (users.status, by the
 * token's subject), or known from a read this node made lately and no deactivation announced since
 * ({@link ActiveAccounts}), so a deactivation bites at once, on every node, within the life of tokens
 * already issued. {@link PermissionCheck} makes the role check and this one in one call,
 * before anything is changed anywhere (the database, Keycloak, a directory, a remote service).
 * <p>
 * An EJB so that the web modules reach it in both assemblies.
 */
@Stateless
public class AccountStanding {

    @Inject
    UserRepository users;

    @Inject
    ActiveAccounts active;

    /** Whether the account behind this token subject is deactivated; a subject never seen is not. */
    public boolean deactivated(String subject) {
        if (subject == null || active.knownActive(subject)) {
            return false;
        }
        long generation = active.generation();
        boolean deactivated = users.isDeactivated(subject);
        if (!deactivated) {
            active.foundActive(subject, generation);
        }
        return deactivated;
    }

    /** Refuses (401) a caller whose account is deactivated. */
    public void requireActive(Caller caller) {
        if (deactivated(caller.subject())) {
            throw new AccountDeactivatedException();
        }
    }

    /** Of these users, the deactivated ones. */
    public Set<UUID> deactivatedUsers(Collection<UUID> userIds) {
        return users.deactivatedAmong(userIds);
    }

    /** Of these participations, those of a person whose account is deactivated (guests have none). */
    public Set<UUID> participationsOfDeactivated(Collection<UUID> participationIds) {
        return users.participationsOfDeactivated(participationIds);
    }
}
