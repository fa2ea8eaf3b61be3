package io.convene.privacy;

import io.convene.audit.AuditTrail;
import io.convene.audit.AuditTrails;
import io.convene.audit.InMemoryAuditRepository;
import io.convene.audit.InMemoryAuditRepository.Audited;
import io.convene.personaldata.RetentionRun;
import io.convene.shared.Caller;
import io.convene.shared.FiredEvents;
import io.convene.shared.TestClock;
import io.convene.storage.InMemoryBlobStore;
import io.convene.user.InMemoryKeycloak;
import io.convene.user.InMemoryUsers;
import io.convene.user.People;
import io.convene.user.User;
import io.convene.user.UserPorts;
import io.convene.user.UserService;
import io.convene.user.UserServices;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The privacy context wired the way the container wires it, over its repositories in memory, the
 * user context's users in memory, the blob store and identity provider as fakes, and two contexts'
 * keepers of personal data (notifications, then chat messages with files).
 */
final class PrivacyWorld {

    static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");

    final TestClock clock = new TestClock(NOW);
    final InMemoryUsers users = new InMemoryUsers();
    final UserService userService = UserServices.of(users, clock);
    final InMemoryPrivacyRequests requests = new InMemoryPrivacyRequests();
    final InMemoryLegalHolds holds = new InMemoryLegalHolds();
    final InMemoryRetentionPolicy policy = new InMemoryRetentionPolicy();
    final InMemoryBlobStore blobs = new InMemoryBlobStore();
    final InMemoryKeycloak identity = new InMemoryKeycloak(clock);
    final InMemoryAuditRepository audit = new InMemoryAuditRepository();
    final AuditTrail trail = AuditTrails.of(audit, UserPorts.auditedPeople(userService), clock);
    final FiredEvents<PrivacyService.ExportQueued> queued = new FiredEvents<>();

    /** Every keeper's calls, in order ("chat-messages erase"). */
    final List<String> calls = new ArrayList<>();
    final InMemoryKeeper notifications = new InMemoryKeeper(10, "notifications", RetentionRun.Ages::notificationDays,
            blobs, calls);
    final InMemoryKeeper chat = new InMemoryKeeper(20, "chat-messages", RetentionRun.Ages::chatDays, blobs, calls);
    final PersonalDataKeepers keepers = new PersonalDataKeepers();

    final PersonalDataErasure erasure = new PersonalDataErasure();
    final PrivacyService service = new PrivacyService();
    final PrivacyRequests privacyRequests = new PrivacyRequests();
    final PrivacyExports exports = new PrivacyExports();
    final Retention retention = new Retention();

    PrivacyWorld() {
        keepers.found = new FoundKeepers(chat, notifications);

        erasure.users = users;
        erasure.keepers = keepers;
        erasure.blobs = blobs;
        erasure.identity = identity;

        service.permissions = UserPorts.permissions(users);
        service.requests = requests;
        service.holds = holds;
        service.accounts = users;
        service.users = userService;
        service.audit = trail;
        service.refusals = AuditTrails.ejb(trail);
        service.blobs = blobs;
        service.erasure = erasure;
        service.clock = clock;
        service.queued = queued;

        privacyRequests.requests = requests;
        privacyRequests.users = users;

        exports.keepers = keepers;
        exports.requests = privacyRequests;
        exports.blobs = blobs;
        exports.clock = clock;

        retention.permissions = UserPorts.permissions(users);
        retention.store = policy;
        retention.keepers = keepers;
        retention.blobs = blobs;
        retention.audit = trail;
        retention.clock = clock;
    }

    /** Someone with an account, who signed in before ({@code name@example.com}). */
    User person(String name) {
        return People.person(users, clock, name);
    }

    /** The person as the identity provider vouches for them, with these realm roles. */
    static Caller callerOf(User user, String... roles) {
        return People.callerOf(user, roles);
    }


    /** The audit trail, oldest first. */
    List<Audited> audited() {
        return audit.audited();
    }
}
