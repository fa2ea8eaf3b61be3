package io.convene.user;

import io.convene.audit.AuditedPeople;
import io.convene.shared.Permissions;

/**
 * The user context's answers to the ports other contexts own ({@link Permissions} of shared,
 * {@link AuditedPeople} of audit), wired the way CDI wires them, for unit tests of those contexts.
 */
public final class UserPorts {

    private UserPorts() {
    }

    /** The role from the caller's token, then their account's standing in {@code users}. */
    public static Permissions permissions(UserRepository users) {
        PermissionCheck check = new PermissionCheck();
        check.standing = standing(users);
        return check;
    }

    /** Whose user a caller is, as {@code users} knows (or makes) them. */
    public static AuditedPeople auditedPeople(UserService users) {
        PeopleForAudit people = new PeopleForAudit();
        people.users = users;
        return people;
    }

    public static AccountStanding standing(UserRepository users) {
        AccountStanding standing = new AccountStanding();
        standing.users = users;
        standing.active = new ActiveAccounts();
        return standing;
    }
}
