package io.convene.user;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Where the user context keeps people's accounts ({@code persistence.JpaUserRepository} in PostgreSQL). */
public interface UserRepository {

    Optional<User> byId(UUID id);

    Optional<User> bySubject(String subject);

    /** By address, in any case. */
    Optional<User> byEmail(String email);

    /** These users (those that exist), in no order. */
    List<User> byIds(Collection<UUID> ids);

    /** The user, their row locked until the transaction ends. */
    Optional<User> lockedById(UUID id);

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

    // the people a directory provisions (the directory context writes them through these)

    /** A directory's people by their unique id in it. */
    Map<String, User> ofDirectory(UUID directoryId, Collection<String> directoryUuids);

    /** The accounts with these (normalised) addresses, by address. */
    Map<String, User> byEmails(Collection<String> emails);

    /** The directory listed these of its people at this instant. */
    void seenInDirectory(UUID directoryId, Collection<String> directoryUuids, Instant at);

    /** Up to {@code limit} of a directory's active people it has not listed since {@code since}. */
    List<User> activeUnseenSince(UUID directoryId, Instant since, int limit);

    /** Up to {@code limit} of a directory's active people after this id (null: from the first), by id. */
    List<User> activeOfDirectory(UUID directoryId, UUID after, int limit);

    long countActiveOfDirectory(UUID directoryId);

    /** Everyone the directory provisioned is deactivated (it is being removed); their history stays. */
    void deactivateEveryoneOf(UUID directoryId);
}
