package io.convene.user;

import io.convene.shared.AccessDeniedException;
import io.convene.shared.Caller;
import io.convene.shared.ConflictException;
import io.convene.shared.InvalidInputException;
import io.convene.shared.NotFoundException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * What administrators do to accounts in the identity provider: find them, see and end their
 * sessions, assign realm roles, reset the password of a local (non-directory) account.
 */
@Stateless
public class AccountAdministration {

    private static final Logger LOG = Logger.getLogger(AccountAdministration.class.getName());

    @EJB
    RealmAdministration realm;

    @EJB
    IdentityProvider identity;

    @Inject
    io.convene.audit.AuditTrail audit;

    @Inject
    UserRepository users;

    @Inject
    java.time.Clock clock;

    public RealmAdministration.AccountPage accounts(Caller caller, String search, int first, int max) {
        requireAdmin(caller);
        if (first < 0 || max < 1 || max > 200) {
            throw new InvalidInputException("max", "first must be 0 or more and max between 1 and 200");
        }
        return realm.accounts(search == null || search.isBlank() ? null : search.trim(), first, max);
    }

    public RealmAdministration.Account account(Caller caller, String subject) {
        requireAdmin(caller);
        return account(subject);
    }

    public List<RealmAdministration.Session> sessions(Caller caller, String subject) {
        requireAdmin(caller);
        account(subject);
        return realm.sessions(subject);
    }

    public RealmAdministration.Account assignRoles(Caller caller, String subject, Set<String> roles) {
        requireAdmin(caller);
        account(subject);
        for (String role : roles) {
            if (!Caller.REALM_ROLES.contains(role)) {
                throw new InvalidInputException("roles", role + " is not one of " + new java.util.TreeSet<>(Caller.REALM_ROLES));
            }
        }
        if (caller.subject().equals(subject) && !roles.contains(Caller.ADMIN)) {
            throw new ConflictException("Administrators cannot take their own admin role away");
        }
        realm.assignRealmRoles(subject, roles, Caller.REALM_ROLES);
        audit.action(caller, "account.roles", "account:" + subject, String.join(",", new java.util.TreeSet<>(roles)));
        LOG.info(() -> "Realm roles of " + subject + " set to " + roles + " by " + caller.subject());
        return realm.account(subject);
    }

    /**
     * Creates a local account with a temporary password (changed at the first sign-in) and its
     * roles, and Convene's user for it; the account is removed again when anything after it fails.
     */
    public RealmAdministration.Account createLocal(Caller caller, NewLocalAccount account) {
        requireAdmin(caller);
        account.check();
        String email = User.normalizeEmail(account.email());
        if (users.byEmail(email).isPresent()) {
            throw new ConflictException("A user with this e-mail address already exists");
        }
        String name = account.name().trim();
        int space = name.lastIndexOf(' ');
        String subject = identity.createAccount(new IdentityProvider.NewAccount(email, account.temporaryPassword(),
                space < 0 ? name : name.substring(0, space), space < 0 ? "" : name.substring(space + 1)));
        try {
            realm.resetPassword(subject, account.temporaryPassword(), true);
            realm.assignRealmRoles(subject, account.roles(), Caller.REALM_ROLES);
            users.add(new User(subject, name, email, java.time.ZoneId.of("UTC"), clock.instant()));
            users.flush();
        } catch (RuntimeException e) {
            LOG.warning(() -> "Creating local account " + subject + " failed after Keycloak made it; removing it again: " + e);
            identity.deleteAccount(subject);
            throw e;
        }
        audit.action(caller, "account.created", "account:" + subject, String.join(",", new java.util.TreeSet<>(account.roles())));
        LOG.info(() -> "Local account " + subject + " created by " + caller.subject() + " with roles " + account.roles());
        return realm.account(subject);
    }

    public void logout(Caller caller, String subject) {
        requireAdmin(caller);
        account(subject);
        identity.endSession(subject, null);
        audit.action(caller, "account.logout", "account:" + subject, null);
        LOG.info(() -> "All sessions of " + subject + " ended by " + caller.subject());
    }

    /**
     * Deactivates the account (no more sign-ins, every session ended, Convene's user marked disabled)
     * or reactivates it. Administrators do not deactivate themselves.
     */
    public RealmAdministration.Account setEnabled(Caller caller, String subject, boolean enabled) {
        requireAdmin(caller);
        account(subject);
        if (!enabled && caller.subject().equals(subject)) {
            throw new ConflictException("Administrators cannot deactivate themselves");
        }
        realm.setEnabled(subject, enabled);
        if (!enabled) {
            identity.endSession(subject, null);
        }
        users.bySubject(subject).ifPresent(u -> {
            if (enabled) {
                u.reactivate();
            } else {
                u.deactivate();
            }
        });
        audit.action(caller, enabled ? "account.enabled" : "account.disabled", "account:" + subject, null);
        LOG.info(() -> "Account " + subject + (enabled ? " reactivated" : " deactivated") + " by " + caller.subject());
        return realm.account(subject);
    }

    public void resetPassword(Caller caller, String subject, String password, boolean temporary) {
        requireAdmin(caller);
        if (account(subject).directory()) {
            throw new ConflictException("This account comes from a directory; its password is changed there");
        }
        realm.resetPassword(subject, password, temporary);
        audit.action(caller, "account.password-reset", "account:" + subject, temporary ? "temporary" : null);
        LOG.info(() -> "Password of " + subject + " reset by " + caller.subject() + (temporary ? " (temporary)" : ""));
    }

    private RealmAdministration.Account account(String subject) {
        RealmAdministration.Account account = realm.account(subject);
        if (account == null) {
            throw new NotFoundException("No such account");
        }
        return account;
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.isAdmin()) {
            throw new AccessDeniedException("Only administrators manage accounts");
        }
    }
}
