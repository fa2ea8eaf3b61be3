package io.convene.directory;

import io.convene.user.DirectoryAccount;
import io.convene.user.IdentityProvider;
import io.convene.user.User;
import io.convene.user.UserStatus;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Writes what a directory says into Convene's users, a page at a time, each page in its own
 * transaction so a long sync shows progress and a failure keeps the pages already done. An entry
 * that cannot be taken (no e-mail address, an address another user has) is recorded and skipped.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DirectoryProvisioning {

    private static final Logger LOG = Logger.getLogger(DirectoryProvisioning.class.getName());
    private static final int MAX_ERRORS_KEPT = 500;

    @PersistenceContext(unitName = "convene")
    EntityManager em;

    @EJB
    IdentityProvider identity;

    /** Provisions one page of people; {@code rolesOf} gives each person's realm roles. */
    public DirectoryRun.PageOutcome apply(UUID directoryId, UUID runId, List<DirectoryPerson> page,
                                          Function<DirectoryPerson, Set<String>> rolesOf, Instant runStart) {
        Map<String, User> known = byUuid(directoryId, page.stream().map(DirectoryPerson::uuid).toList());
        Map<String, User> byEmail = byEmail(page.stream().map(p -> User.normalizeEmail(p.email()))
                .filter(e -> e != null).toList());
        Set<String> emailsTaken = new HashSet<>();
        List<String[]> errors = new ArrayList<>();
        int created = 0;
        int updated = 0;
        int disabled = 0;
        for (DirectoryPerson p : page) {
            String problem = problemWith(p);
            String email = User.normalizeEmail(p.email());
            User user = known.get(p.uuid());
            if (problem == null && !emailsTaken.add(email)) {
                problem = "e-mail address " + email + " appears twice in the directory";
            }
            if (problem == null && user == null && byEmail.containsKey(email)
                    && !adoptable(byEmail.get(email), directoryId)) {
                problem = "e-mail address " + email + " belongs to a user of another directory";
            }
            if (problem == null && user != null && !email.equals(user.email()) && byEmail.containsKey(email)) {
                problem = "e-mail address " + email + " belongs to another user";
            }
            if (problem != null) {
                errors.add(new String[] {p.dn(), problem});
                continue;
            }
            DirectoryAccount account = new DirectoryAccount(directoryId, p.uuid(), p.dn(), p.username(), p.name(),
                    email, p.firstName(), p.lastName(), p.phone(), p.department(), p.managerDn(),
                    String.join(",", rolesOf.apply(p)));
            if (user == null) {
                user = byEmail.get(email);
            }
            if (user == null) {
                if (p.disabled()) {
                    continue; // never here, and not allowed in: nothing to keep
                }
                em.persist(User.provisioned(account, runStart));
                created++;
                continue;
            }
            boolean changed = user.refreshFrom(account);
            if (p.disabled()) {
                if (user.deactivate()) {
                    disabled++;
                    endSessions(user);
                } else if (changed) {
                    updated++;
                }
            } else if (user.reactivate() || changed) {
                updated++;
            }
        }
        em.flush();
        em.createNativeQuery("update users set directory_seen_at = ?1 where directory_id = ?2 and directory_uuid in (?3)")
                .setParameter(1, runStart).setParameter(2, directoryId)
                .setParameter(3, page.stream().map(DirectoryPerson::uuid).toList()).executeUpdate();
        DirectoryRun.PageOutcome outcome = new DirectoryRun.PageOutcome(page.size(), created, updated, disabled, errors.size());
        record(runId, outcome, errors);
        return outcome;
    }

    /**
     * After a full sync: the directory's active users it no longer lists (deleted, or no longer
     * matching the filter) are deactivated, a chunk at a time; answers how many were.
     */
    public int deactivateMissing(UUID directoryId, UUID runId, Instant runStart, int chunk) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("""
                        select id from users where directory_id = ?1 and status = 'ACTIVE'
                        and (directory_seen_at is null or directory_seen_at < ?2) limit ?3""", UUID.class)
                .setParameter(1, directoryId).setParameter(2, runStart).setParameter(3, chunk).getResultList();
        for (UUID id : ids) {
            User user = em.find(User.class, id);
            user.deactivate();
            endSessions(user);
            LOG.info(() -> "Directory " + directoryId + " no longer lists user " + id + " (" + user.directoryDn() + "): deactivated");
        }
        record(runId, new DirectoryRun.PageOutcome(0, 0, 0, ids.size(), 0), List.of());
        return ids.size();
    }

    /**
     * After a sync of changes: group memberships change without the people's entries changing, so
     * every active user's roles are worked out again, a chunk at a time after {@code after}; answers
     * the last id done, null at the end.
     */
    public UUID refreshRoles(UUID directoryId, UUID runId, UUID after, int chunk,
                             Function<DirectoryPerson, Set<String>> rolesOf) {
        List<User> users = em.createQuery("""
                        select u from User u where u.directoryId = :d and u.status = :active and u.id > :after
                        order by u.id""", User.class)
                .setParameter("d", directoryId).setParameter("active", UserStatus.ACTIVE)
                .setParameter("after", after == null ? new UUID(0, 0) : after) // PostgreSQL orders uuids as unsigned bytes
                .setMaxResults(chunk).getResultList();
        int changed = 0;
        for (User u : users) {
            DirectoryPerson asListed = new DirectoryPerson(u.directoryDn(), u.directoryUuid(), u.directoryUsername(),
                    u.email(), u.firstName(), u.lastName(), u.name(), u.phone(), u.department(), u.managerDn(),
                    false, List.of(), null);
            DirectoryAccount account = new DirectoryAccount(directoryId, u.directoryUuid(), u.directoryDn(),
                    u.directoryUsername(), u.name(), u.email(), u.firstName(), u.lastName(), u.phone(), u.department(),
                    u.managerDn(), String.join(",", rolesOf.apply(asListed)));
            if (u.refreshFrom(account)) {
                changed++;
            }
        }
        record(runId, new DirectoryRun.PageOutcome(0, 0, changed, 0, 0), List.of());
        return users.size() < chunk ? null : users.get(users.size() - 1).id();
    }

    public long activeUsers(UUID directoryId) {
        return em.createQuery("select count(u) from User u where u.directoryId = :d and u.status = :active", Long.class)
                .setParameter("d", directoryId).setParameter("active", UserStatus.ACTIVE).getSingleResult();
    }

    private void record(UUID runId, DirectoryRun.PageOutcome outcome, List<String[]> errors) {
        DirectoryRun run = em.find(DirectoryRun.class, runId);
        run.count(outcome, Instant.now());
        Number kept = (Number) em.createNativeQuery("select count(*) from directory_run_errors where run_id = ?1")
                .setParameter(1, runId).getSingleResult();
        errors.stream().limit(Math.max(0, MAX_ERRORS_KEPT - kept.intValue())).forEach(e -> em.createNativeQuery(
                        "insert into directory_run_errors (run_id, entry, message) values (?1, ?2, ?3)")
                .setParameter(1, runId).setParameter(2, truncate(e[0], 1000)).setParameter(3, e[1]).executeUpdate());
    }

    private Map<String, User> byUuid(UUID directoryId, Collection<String> uuids) {
        return em.createQuery("select u from User u where u.directoryId = :d and u.directoryUuid in :uuids", User.class)
                .setParameter("d", directoryId).setParameter("uuids", uuids).getResultStream()
                .collect(Collectors.toMap(User::directoryUuid, u -> u));
    }

    private Map<String, User> byEmail(Collection<String> emails) {
        if (emails.isEmpty()) {
            return new HashMap<>();
        }
        return em.createQuery("select u from User u where u.email in :emails", User.class)
                .setParameter("emails", emails).getResultStream().collect(Collectors.toMap(User::email, u -> u));
    }

    /** A local user (or one this directory had) with the same address becomes this directory's. */
    private static boolean adoptable(User user, UUID directoryId) {
        return user.directoryId() == null || user.directoryId().equals(directoryId);
    }

    private static String problemWith(DirectoryPerson p) {
        if (p.uuid() == null || p.uuid().isBlank()) {
            return "no unique id attribute";
        }
        if (p.username() == null || p.username().isBlank()) {
            return "no user name";
        }
        if (p.email() == null || !p.email().matches("[^@\\s]+@[^@\\s]+")) {
            return "no valid e-mail address";
        }
        if (p.email().length() > 254 || p.name().length() > 200) {
            return "e-mail address or name too long";
        }
        return null;
    }

    private void endSessions(User user) {
        if (user.subject() == null) {
            return;
        }
        try {
            identity.endSession(user.subject(), null);
        } catch (RuntimeException e) { // the deactivated account is refused by Convene all the same
            LOG.warning(() -> "Could not end the sessions of deactivated user " + user.id() + ": " + e.getMessage());
        }
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
