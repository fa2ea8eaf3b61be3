package io.convene.user;

import io.convene.shared.Permission;
import io.convene.shared.Permissions;
import io.convene.audit.AuditAction;
import io.convene.audit.AuditEntry;
import io.convene.audit.AuditTrail;
import io.convene.shared.Caller;
import io.convene.shared.ConflictException;
import io.convene.shared.InvalidInputException;
import io.convene.shared.NotFoundException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * What administrators do to accounts in the identity provider: find them, see and end their
 * sessions, assign realm roles, reset the password of a local (non-directory) account.
 * <p>
 * Every operation checks, before it asks or changes anything in Keycloak, that the caller is an
 * administrator whose account is active, and knows who they are for the audit trail; so a refusal
 * never comes after Keycloak has acted.
 */
@Stateless
public class AccountAdministration {

    private static final Logger LOG = Logger.getLogger(AccountAdministration.class.getName());

    @Inject
    Permissions permissions;

    @EJB
    RealmAdministration realm;

    @EJB
    IdentityProvider identity;

    @Inject
    AuditTrail audit;

    @Inject
    UserRepository users;

    @Inject
    ActiveAccounts active;

    @Inject
    UserService people;

    @Inject
    Clock clock;

    public RealmAdministration.AccountPage accounts(Caller caller, String search, int first, int max) {
        permissions.require(caller, Permission.MANAGE_ACCOUNTS);
        if (first < 0 || max < 1 || max > 200) {
            throw new InvalidInputException("max", "first must be 0 or more and max between 1 and 200");
        }
        return realm.accounts(search == null || search.isBlank() ? null : search.trim(), first, max);
    }

    public RealmAdministration.Account account(Caller caller, String subject) {
        permissions.require(caller, Permission.MANAGE_ACCOUNTS);
        return account(subject);
    }

    public List<RealmAdministration.Session> sessions(Caller caller, String subject) {
        permissions.require(caller, Permission.MANAGE_ACCOUNTS);
        account(subject);
        return realm.sessions(subject);
    }

    public RealmAdministration.Account assignRoles(Caller caller, String subject, Set<String> roles) {
        UUID actor = actingAdmin(caller);
        for (String role : roles) {
            if (!Caller.REALM_ROLES.contains(role)) {
                throw new InvalidInputException("roles", role + " is not one of " + new TreeSet<>(Caller.REALM_ROLES));
            }
        }
        if (caller.subject().equals(subject) && !roles.contains(Caller.ADMIN)) {
            throw new ConflictException("Administrators cannot take their own admin role away");
        }
        account(subject);
        realm.assignRealmRoles(subject, roles, Caller.REALM_ROLES);
        audit(actor, AuditAction.ACCOUNT_ROLES_CHANGED, subject, String.join(",", new TreeSet<>(roles)));
        LOG.info(() -> "Realm roles of " + subject + " set to " + roles + " by " + caller.subject());
        return realm.account(subject);
    }

    /**
     * Creates a local account with a temporary password (changed at the first sign-in) and its
     * roles, and Convene's user for it; the account is removed again when anything after it fails.
     */
    public RealmAdministration.Account createLocal(Caller caller, NewLocalAccount account) {
        Permission.MANAGE_ACCOUNTS.requireRole(caller);
        account.check();
        UUID actor = actingAdmin(caller);
        String email = User.normalizeEmail(account.email());
        if (users.byEmail(email).isPresent()) {
            throw new ConflictException("A user with this e-mail address already exists");
        }
        String name = account.name().trim();
        int space = name.lastIndexOf(' ');
        String subject = identity.createAccount(new IdentityProvider.NewAccount(email, account.temporaryPassword(),
                space < 0 ? name : name.substring(0, space), space < 0 ? "" : name.substring(space + 1), true));
        try {
            realm.resetPassword(subject, account.temporaryPassword(), true);
            realm.assignRealmRoles(subject, account.roles(), Caller.REALM_ROLES);
            users.add(new User(subject, name, email, ZoneId.of("UTC"), clock.instant(), true)); // an administrator vouches
            users.flush();
            audit(actor, AuditAction.ACCOUNT_CREATED, subject, String.join(",", new TreeSet<>(account.roles())));
        } catch (RuntimeException e) {
            LOG.warning(() -> "Creating local account " + subject + " failed after Keycloak made it; removing it again: " + e);
            identity.deleteAccount(subject);
            throw e;
        }
        LOG.info(() -> "Local account " + subject + " created by " + caller.subject() + " with roles " + account.roles());
        return realm.account(subject);
    }

    public void logout(Caller caller, String subject) {
        UUID actor = actingAdmin(caller);
        account(subject);
        identity.endSession(subject, null);
        audit(actor, AuditAction.ACCOUNT_LOGGED_OUT, subject, null);
        LOG.info(() -> "All sessions of " + subject + " ended by " + caller.subject());
    }

    /**
     * Deactivates the account (Convene's user marked deactivated, so tokens already issued stop
     * working at once; no more sign-ins; every session ended) or reactivates it. Nobody changes
     * their own account's standing: another administrator does.
     */
    public RealmAdministration.Account setEnabled(Caller caller, String subject, boolean enabled) {
        UUID actor = actingAdmin(caller);
        if (caller.subject().equals(subject)) {
            throw new ConflictException(enabled ? "Nobody reactivates their own account; another administrator does"
                    : "Administrators cannot deactivate themselves");
        }
        RealmAdministration.Account target = account(subject);
        if (enabled) {
            users.bySubject(subject).ifPresent(User::reactivate);
        } else {
            users.bySubject(subject).or(() -> firstSightOf(target)).ifPresent(User::deactivate);
            active.deactivated(subject); // this node at once; the others when this commits
        }
        users.flush(); // Convene's side first: if Keycloak then fails, this rolls back
        realm.setEnabled(subject, enabled);
        if (!enabled) {
            identity.endSession(subject, null);
        }
        audit(actor, enabled ? AuditAction.ACCOUNT_ENABLED : AuditAction.ACCOUNT_DISABLED, subject, null);
        LOG.info(() -> "Account " + subject + (enabled ? " reactivated" : " deactivated") + " by " + caller.subject());
        return realm.account(subject);
    }

    public void resetPassword(Caller caller, String subject, String password, boolean temporary) {
        UUID actor = actingAdmin(caller);
        if (account(subject).directory()) {
            throw new ConflictException("This account comes from a directory; its password is changed there");
        }
        realm.resetPassword(subject, password, temporary);
        audit(actor, AuditAction.ACCOUNT_PASSWORD_RESET, subject, temporary ? "temporary" : null);
        LOG.info(() -> "Password of " + subject + " reset by " + caller.subject() + (temporary ? " (temporary)" : ""));
    }

    /** The administrator's user id, once they are known to be an administrator in good standing. */
    private UUID actingAdmin(Caller caller) {
        permissions.require(caller, Permission.MANAGE_ACCOUNTS);
        return people.current(caller).id();
    }

    private void audit(UUID actor, AuditAction action, String subject, String detail) {
        audit.record(AuditEntry.action(actor, action, "account:" + subject, detail, clock.instant()));
    }

    /**
     * Convene's user for an account it has not seen a token of yet, so that its deactivation is
     * known when a token issued before it arrives.
     */
    private java.util.Optional<User> firstSightOf(RealmAdministration.Account account) {
        String email = account.email() == null ? account.subject() + "@unknown.invalid" : account.email();
        java.util.Optional<User> byAddress = users.byEmail(email);
        if (byAddress.isPresent()) { // a directory's user not signed in yet is theirs; someone else's row is not
            byAddress.filter(u -> u.subject() == null).ifPresent(u -> u.linkSubject(account.subject()));
            return byAddress.filter(u -> account.subject().equals(u.subject()));
        }
        String name = ((account.firstName() == null ? "" : account.firstName()) + " "
                + (account.lastName() == null ? "" : account.lastName())).trim();
        User user = new User(account.subject(), name.isEmpty() ? email : name, email, ZoneId.of("UTC"), clock.instant(), false);
        users.add(user);
        return java.util.Optional.of(user);
    }

    private RealmAdministration.Account account(String subject) {
        RealmAdministration.Account account = realm.account(subject);
        if (account == null) {
            throw new NotFoundException("No such account");
        }
        return account;
    }
}
