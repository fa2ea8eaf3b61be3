package io.convene.user;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The user context's repository kept in a map, for unit tests of use cases: the same answers as
 * {@code persistence.JpaUserRepository} for the people it holds (no locking, nothing to flush).
 */
public final class InMemoryUsers implements UserRepository {

    private final Map<UUID, User> users = new LinkedHashMap<>();
    private final Map<UUID, Instant> seenInDirectory = new HashMap<>();
    /** Participation id to user id, for {@link #participationsOfDeactivated}; the meeting fixtures fill it. */
    private final Map<UUID, UUID> participations = new HashMap<>();

    public Collection<User> all() {
        return List.copyOf(users.values());
    }

    /** Tells the repository whose participation this is (the database knows it from the participations table). */
    public void participationOf(UUID participationId, UUID userId) {
        participations.put(participationId, userId);
    }

    public Optional<Instant> seenAt(UUID userId) {
        return Optional.ofNullable(seenInDirectory.get(userId));
    }

    @Override
    public Optional<User> byId(UUID id) {
        return Optional.ofNullable(users.get(id));
    }

    @Override
    public Optional<User> bySubject(String subject) {
        return users.values().stream().filter(u -> subject.equals(u.subject())).findFirst();
    }

    @Override
    public Optional<User> byEmail(String email) {
        return users.values().stream().filter(u -> u.email().equalsIgnoreCase(email)).findFirst();
    }

    @Override
    public List<User> byIds(Collection<UUID> ids) {
        return ids.stream().distinct().map(users::get).filter(u -> u != null).toList();
    }

    @Override
    public Optional<User> lockedById(UUID id) {
        return byId(id);
    }

    @Override
    public User lock(User user) {
        return user;
    }

    @Override
    public void add(User user) {
        if (user.subject() != null && bySubject(user.subject()).isPresent()) {
            throw new IllegalStateException("duplicate subject " + user.subject());
        }
        if (byEmail(user.email()).isPresent()) {
            throw new IllegalStateException("duplicate e-mail " + user.email());
        }
        users.put(user.id(), user);
    }

    @Override
    public void flush() {
    }

    @Override
    public boolean isDeactivated(String subject) {
        return bySubject(subject).map(u -> u.status() == UserStatus.DISABLED).orElse(false);
    }

    @Override
    public Set<UUID> deactivatedAmong(Collection<UUID> userIds) {
        return byIds(userIds).stream().filter(u -> u.status() == UserStatus.DISABLED).map(User::id)
                .collect(Collectors.toSet());
    }

    @Override
    public Set<UUID> participationsOfDeactivated(Collection<UUID> participationIds) {
        return participationIds.stream().filter(p -> participations.containsKey(p)
                && byId(participations.get(p)).map(u -> u.status() == UserStatus.DISABLED).orElse(false))
                .collect(Collectors.toSet());
    }

    @Override
    public List<UserListing.Row> list(String search, UserListing.Sort sort, boolean ascending, int offset, int limit) {
        Comparator<User> order = Comparator.comparing(key(sort), Comparator.nullsLast(Comparator.naturalOrder()));
        return matching(search).sorted((ascending ? order : order.reversed()).thenComparing(User::id))
                .skip(offset).limit(limit)
                .map(u -> new UserListing.Row(u.id(), u.subject(), u.name(), u.email(), u.status(), u.department(),
                        null, u.createdAt()))
                .toList();
    }

    private static Function<User, String> key(UserListing.Sort sort) {
        return switch (sort) {
            case EMAIL -> User::email;
            case CREATED -> u -> u.createdAt().toString();
            case STATUS -> u -> u.status().name();
            case DEPARTMENT -> User::department;
            case NAME -> User::name;
        };
    }

    @Override
    public long count(String search) {
        return matching(search).count();
    }

    private Stream<User> matching(String search) {
        String s = search == null || search.isBlank() ? null : search.trim().toLowerCase();
        return users.values().stream().filter(u -> s == null || u.name().toLowerCase().contains(s) || u.email().contains(s));
    }

    @Override
    public Map<String, User> ofDirectory(UUID directoryId, Collection<String> directoryUuids) {
        return users.values().stream()
                .filter(u -> directoryId.equals(u.directoryId()) && directoryUuids.contains(u.directoryUuid()))
                .collect(Collectors.toMap(User::directoryUuid, u -> u));
    }

    @Override
    public Map<String, User> byEmails(Collection<String> emails) {
        return users.values().stream().filter(u -> emails.contains(u.email()))
                .collect(Collectors.toMap(User::email, u -> u, (a, b) -> a, HashMap::new));
    }

    @Override
    public void seenInDirectory(UUID directoryId, Collection<String> directoryUuids, Instant at) {
        ofDirectory(directoryId, directoryUuids).values().forEach(u -> seenInDirectory.put(u.id(), at));
    }

    @Override
    public List<User> activeUnseenSince(UUID directoryId, Instant since, int limit) {
        return activeOf(directoryId).filter(u -> !seenInDirectory.containsKey(u.id())
                        || seenInDirectory.get(u.id()).isBefore(since))
                .limit(limit).toList();
    }

    @Override
    public List<User> activeOfDirectory(UUID directoryId, UUID after, int limit) {
        return activeOf(directoryId).sorted(Comparator.comparing(User::id, InMemoryUsers::unsigned))
                .filter(u -> after == null || unsigned(u.id(), after) > 0).limit(limit).toList();
    }

    /** PostgreSQL's order of uuids: as unsigned bytes. */
    private static int unsigned(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

    @Override
    public long countActiveOfDirectory(UUID directoryId) {
        return activeOf(directoryId).count();
    }

    @Override
    public void deactivateEveryoneOf(UUID directoryId) {
        new ArrayList<>(users.values()).stream().filter(u -> directoryId.equals(u.directoryId())).forEach(User::deactivate);
    }

    private Stream<User> activeOf(UUID directoryId) {
        return users.values().stream().filter(u -> directoryId.equals(u.directoryId()) && u.status() == UserStatus.ACTIVE);
    }
}
