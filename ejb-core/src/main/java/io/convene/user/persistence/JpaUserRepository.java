package io.convene.user.persistence;

import io.convene.shared.IdLists;
import io.convene.shared.NativeValues;
import io.convene.shared.SqlLike;
import io.convene.user.User;
import io.convene.user.UserListing;
import io.convene.user.UserRepository;
import io.convene.user.UserStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** {@link UserRepository} in PostgreSQL: accounts by JPA, the console's listing by SQL. */
@ApplicationScoped
public class JpaUserRepository implements UserRepository {

    private static final Map<UserListing.Sort, String> COLUMNS = Map.of(UserListing.Sort.NAME, "lower(u.name)",
            UserListing.Sort.EMAIL, "u.email", UserListing.Sort.DEPARTMENT, "u.department",
            UserListing.Sort.STATUS, "u.status", UserListing.Sort.CREATED, "u.created_at");

    @PersistenceContext(unitName = "convene")
    private EntityManager em;

    @Override
    public Optional<User> byId(UUID id) {
        return Optional.ofNullable(em.find(User.class, id));
    }

    @Override
    public Optional<User> bySubject(String subject) {
        return em.createQuery("select u from User u where u.subject = :s", User.class)
                .setParameter("s", subject).getResultStream().findFirst();
    }

    @Override
    public Optional<User> byEmail(String email) {
        return em.createQuery("select u from User u where u.email = :e", User.class)
                .setParameter("e", User.normalizeEmail(email)).getResultStream().findFirst();
    }

    @Override
    public List<User> byIds(Collection<UUID> ids) {
        List<User> found = new java.util.ArrayList<>();
        for (List<UUID> part : IdLists.parts(ids)) {
            found.addAll(em.createQuery("select u from User u where u.id in :ids", User.class).setParameter("ids", part)
                    .getResultList());
        }
        return found;
    }

    @Override
    public Optional<User> lockedById(UUID id) {
        return Optional.ofNullable(em.find(User.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public User lock(User user) {
        return em.find(User.class, user.id(), LockModeType.PESSIMISTIC_WRITE);
    }

    @Override
    public void add(User user) {
        em.persist(user);
    }

    @Override
    public void flush() {
        em.flush();
    }

    @Override
    public boolean isDeactivated(String subject) {
        return !em.createQuery("select u.id from User u where u.subject = :s and u.status = :off", UUID.class)
                .setParameter("s", subject).setParameter("off", UserStatus.DISABLED).setMaxResults(1)
                .getResultList().isEmpty();
    }

    @Override
    public Set<UUID> deactivatedAmong(Collection<UUID> userIds) {
        return among(userIds, "select u.id from User u where u.id in :ids and u.status = :off");
    }

    @Override
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

    @Override
    public List<UserListing.Row> list(String search, UserListing.Sort sort, boolean ascending, int offset, int limit) {
        Query q = em.createNativeQuery("""
                        select u.id, u.subject, u.name, u.email, u.status, u.department, d.name, u.created_at
                        from users u left join directories d on d.id = u.directory_id
                        where %s
                        order by %s %s nulls last, u.id
                        offset ?2 limit ?3""".formatted(filter(search), COLUMNS.get(sort), ascending ? "asc" : "desc"))
                .setParameter(2, offset).setParameter(3, limit);
        bind(q, search);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return rows.stream().map(r -> new UserListing.Row((UUID) r[0], (String) r[1], (String) r[2], (String) r[3],
                UserStatus.valueOf((String) r[4]), (String) r[5], (String) r[6], NativeValues.instant(r[7]))).toList();
    }

    @Override
    public long count(String search) {
        Query q = em.createNativeQuery("select count(*) from users u where " + filter(search));
        bind(q, search);
        return ((Number) q.getSingleResult()).longValue();
    }

    private static String filter(String search) {
        return search == null || search.isBlank() ? "cast(?1 as text) is null"
                : "(lower(u.name) like ?1 escape '\\' or u.email like ?1 escape '\\')";
    }

    private static void bind(Query q, String search) {
        q.setParameter(1, search == null || search.isBlank() ? null
                : "%" + SqlLike.literal(search.trim().toLowerCase()) + "%");
    }

    @Override
    public Map<String, User> ofDirectory(UUID directoryId, Collection<String> directoryUuids) {
        return em.createQuery("select u from User u where u.directoryId = :d and u.directoryUuid in :uuids", User.class)
                .setParameter("d", directoryId).setParameter("uuids", directoryUuids).getResultStream()
                .collect(Collectors.toMap(User::directoryUuid, u -> u));
    }

    @Override
    public Map<String, User> byEmails(Collection<String> emails) {
        if (emails.isEmpty()) {
            return new HashMap<>();
        }
        return em.createQuery("select u from User u where u.email in :emails", User.class)
                .setParameter("emails", emails).getResultStream().collect(Collectors.toMap(User::email, u -> u));
    }

    @Override
    public void seenInDirectory(UUID directoryId, Collection<String> directoryUuids, Instant at) {
        em.flush();
        em.createNativeQuery("update users set directory_seen_at = ?1 where directory_id = ?2 and directory_uuid in (?3)")
                .setParameter(1, at).setParameter(2, directoryId).setParameter(3, directoryUuids).executeUpdate();
    }

    @Override
    public List<User> activeUnseenSince(UUID directoryId, Instant since, int limit) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("""
                        select id from users where directory_id = ?1 and status = 'ACTIVE'
                        and (directory_seen_at is null or directory_seen_at < ?2) limit ?3""", UUID.class)
                .setParameter(1, directoryId).setParameter(2, since).setParameter(3, limit).getResultList();
        return ids.stream().map(id -> em.find(User.class, id)).toList();
    }

    @Override
    public List<User> activeOfDirectory(UUID directoryId, UUID after, int limit) {
        return em.createQuery("""
                        select u from User u where u.directoryId = :d and u.status = :active and u.id > :after
                        order by u.id""", User.class)
                .setParameter("d", directoryId).setParameter("active", UserStatus.ACTIVE)
                .setParameter("after", after == null ? new UUID(0, 0) : after) // PostgreSQL orders uuids as unsigned bytes
                .setMaxResults(limit).getResultList();
    }

    @Override
    public long countActiveOfDirectory(UUID directoryId) {
        return em.createQuery("select count(u) from User u where u.directoryId = :d and u.status = :active", Long.class)
                .setParameter("d", directoryId).setParameter("active", UserStatus.ACTIVE).getSingleResult();
    }

    @Override
    public void deactivateEveryoneOf(UUID directoryId) {
        // one statement for any number of people; the version moves as the entity's own update would move it
        em.createNativeQuery("update users set status = 'DISABLED', version = version + 1 where directory_id = ?1")
                .setParameter(1, directoryId).executeUpdate();
    }
}
