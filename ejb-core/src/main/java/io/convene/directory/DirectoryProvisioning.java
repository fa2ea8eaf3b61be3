package io.convene.directory;

import io.convene.user.ActiveAccounts;
import io.convene.user.DirectoryAccount;
import io.convene.user.IdentityProvider;
import io.convene.user.User;
import io.convene.user.UserRepository;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.logging.Logger;

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

    @Inject
    UserRepository users;

    @Inject
    ActiveAccounts active;

    @Inject
    DirectoryRepository directories;

    @EJB
    IdentityProvider identity;

    /** Provisions one page of people; {@code rolesOf} gives each person's realm roles. */
    public DirectoryRun.PageOutcome apply(UUID directoryId, UUID runId, List<DirectoryPerson> page,
                                          Function<DirectoryPerson, Set<String>> rolesOf, Instant runStart) {
        Map<String, User> known = users.ofDirectory(directoryId, page.stream().map(DirectoryPerson::uuid).toList());
        Map<String, User> byEmail = users.byEmails(page.stream().map(p -> User.normalizeEmail(p.email()))
                .filter(e -> e != null).toList());
        Set<String> emailsTaken = new HashSet<>();
        List<DirectoryRunView.EntryError> errors = new ArrayList<>();
        int created = 0;
        int updated = 0;
        int disabled = 0;
        for (DirectoryPerson p : page) {
            String problem = problemWith(p);
            String email = User.normalizeEmail(p.email());
            User user = known.get(p.uuid());
            User holder = byEmail.get(email); // whoever has the address now
            if (problem == null && !emailsTaken.add(email)) {
                problem = "e-mail address " + email + " appears twice in the directory";
            }
            if (problem == null && user == null && holder != null && !adoptable(holder, directoryId)) {
                problem = "e-mail address " + email + " belongs to a user of another directory";
            }
            if (problem == null && user == null && holder != null && heldByAnotherActiveEntry(holder, directoryId, p.uuid())) {
                // the same address twice, on different pages: the first keeps it (until a full sync no longer lists it)
                problem = "e-mail address " + email + " belongs to another entry of this directory (" + holder.directoryDn() + ")";
            }
            if (problem == null && user != null && !email.equals(user.email()) && holder != null) {
                problem = "e-mail address " + email + " belongs to another user";
            }
            if (problem != null) {
                errors.add(new DirectoryRunView.EntryError(p.dn(), problem));
                continue;
            }
            DirectoryAccount account = new DirectoryAccount(directoryId, p.uuid(), p.dn(), p.username(), p.name(),
                    email, p.firstName(), p.lastName(), p.phone(), p.department(), p.managerDn(),
                    String.join(",", rolesOf.apply(p)));
            if (user == null) {
                user = holder;
            }
            if (user == null) {
                if (p.disabled()) {
                    continue; // never here, and not allowed in: nothing to keep
                }
                users.add(User.provisioned(account, runStart));
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
        users.seenInDirectory(directoryId, page.stream().map(DirectoryPerson::uuid).toList(), runStart);
        DirectoryRun.PageOutcome outcome = new DirectoryRun.PageOutcome(page.size(), created, updated, disabled, errors.size());
        record(runId, outcome, errors);
        return outcome;
    }

    /**
     * After a full sync: the directory's active users it no longer lists (deleted, or no longer
     * matching the filter) are deactivated, a chunk at a time; answers how many were.
     */
    public int deactivateMissing(UUID directoryId, UUID runId, Instant runStart, int chunk) {
        List<User> missing = users.activeUnseenSince(directoryId, runStart, chunk);
        for (User user : missing) {
            user.deactivate();
            endSessions(user);
            LOG.info(() -> "Directory " + directoryId + " no longer lists user " + user.id() + " (" + user.directoryDn() + "): deactivated");
        }
        record(runId, new DirectoryRun.PageOutcome(0, 0, 0, missing.size(), 0), List.of());
        return missing.size();
    }

    /**
     * After a sync of changes: group memberships change without the people's entries changing, so
     * every active user's roles are worked out again, a chunk at a time after {@code after}; answers
     * the last id done, null at the end.
     */
    public UUID refreshRoles(UUID directoryId, UUID runId, UUID after, int chunk,
                             Function<DirectoryPerson, Set<String>> rolesOf) {
        List<User> active = users.activeOfDirectory(directoryId, after, chunk);
        int changed = 0;
        for (User u : active) {
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
        return active.size() < chunk ? null : active.get(active.size() - 1).id();
    }

    public long activeUsers(UUID directoryId) {
        return users.countActiveOfDirectory(directoryId);
    }

    private void record(UUID runId, DirectoryRun.PageOutcome outcome, List<DirectoryRunView.EntryError> errors) {
        directories.run(runId).orElseThrow().count(outcome, Instant.now());
        directories.addErrors(runId, errors, MAX_ERRORS_KEPT);
    }

    /**
     * Whether the user is an active person of this directory with an entry of their own: another
     * entry with their address is a second one, not theirs (once a full sync no longer lists their
     * entry they are deactivated, and an entry made anew for them is theirs again).
     */
    private static boolean heldByAnotherActiveEntry(User user, UUID directoryId, String uuid) {
        return directoryId.equals(user.directoryId()) && user.directoryUuid() != null
                && !user.directoryUuid().equals(uuid) && user.status() == io.convene.user.UserStatus.ACTIVE;
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

    /** Of a user just deactivated: this node forgets them at once (others when it commits), and their sessions end. */
    private void endSessions(User user) {
        if (user.subject() == null) {
            return;
        }
        active.deactivated(user.subject());
        try {
            identity.endSession(user.subject(), null);
        } catch (RuntimeException e) { // the deactivated account is refused by Convene all the same
            LOG.warning(() -> "Could not end the sessions of deactivated user " + user.id() + ": " + e.getMessage());
        }
    }
}
