package io.convene.user;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Where the user context keeps people's accounts ({@code persistence.JpaUserRepository} in PostgreSQL). */
public interface UserRepository {

    Optional<User> byId(UUID id);

    Optional<User> bySubject(String subject);

    /** By address, in any case. */
    Optional<User> byEmail(String email);

    /** Locks the user's row until the transaction ends: serialises scheduling per host. */
    User lock(User user);

    void add(User user);

    /** Writes what this transaction changed so far (before a statement that must see it). */
    void flush();

    /** Whether the account behind this token subject is deactivated; a subject never seen is not. */
    boolean isDeactivated(String subject);

    /** Of these users, the deactivated ones. */
    Set<UUID> deactivatedAmong(Collection<UUID> userIds);

    /** Of these participations, those of a person whose account is deactivated (guests have none). */
    Set<UUID> participationsOfDeactivated(Collection<UUID> participationIds);

    /** A page of everyone whose name or address contains {@code search} (null: everyone), in this order. */
    List<UserListing.Row> list(String search, UserListing.Sort sort, boolean ascending, int offset, int limit);

    /** How many {@link #list} finds in all. */
    long count(String search);
}
