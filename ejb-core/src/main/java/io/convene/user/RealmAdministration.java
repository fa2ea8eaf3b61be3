package io.convene.user;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The port to the realm's accounts as administrators manage them (Keycloak's admin REST API, in
 * module {@code sso}): accounts, their sessions, their directly assigned realm roles, passwords.
 */
public interface RealmAdministration {

    /** Accounts whose user name, e-mail or name contains {@code search} (all when null), a window of them. */
    AccountPage accounts(String search, int first, int max);

    /** The account, or null. */
    Account account(String subject);

    List<Session> sessions(String subject);

    /** Makes the account's directly assigned realm roles among {@code manageable} exactly {@code roles}. */
    void assignRealmRoles(String subject, Set<String> roles, Set<String> manageable);

    /** Lets the account sign in again, or stops it from signing in (its sessions stay until ended). */
    void setEnabled(String subject, boolean enabled);

    /** Sets a new password (to be changed at next sign-in when {@code temporary}). */
    void resetPassword(String subject, String password, boolean temporary);

    /**
     * @param directory true when the account comes from an LDAP directory (its password lives there)
     * @param directRoles realm roles assigned to the account itself (group roles not included)
     */
    record Account(String subject, String username, String email, String firstName, String lastName, boolean enabled,
                   boolean directory, Instant createdAt, Set<String> directRoles) {
    }

    record AccountPage(List<Account> accounts, int first, int max, long total) {
    }

    record Session(String id, String ipAddress, Instant started, Instant lastAccess, List<String> clients) {
    }
}
