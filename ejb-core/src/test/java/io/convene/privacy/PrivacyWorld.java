package io.convene.privacy;

import io.convene.audit.AuditTrail;
import io.convene.audit.AuditTrails;
import io.convene.audit.InMemoryAuditRepository;
import io.convene.personaldata.RetentionRun;
import io.convene.shared.Caller;
import io.convene.shared.FiredEvents;
import io.convene.shared.TestClock;
import io.convene.user.InMemoryUsers;
import io.convene.user.User;
import io.convene.user.UserPorts;
import io.convene.user.UserService;
import io.convene.user.UserServices;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

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
    final InMemoryBlobs blobs = new InMemoryBlobs();
    final RecordingIdentity identity = new RecordingIdentity();
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
        User user = new User("sub-" + name, name, name + "@example.com", ZoneId.of("UTC"), clock.instant(), true);
        users.add(user);
        return user;
    }

    /** The person as the identity provider vouches for them, with these realm roles. */
    static Caller callerOf(User user, String... roles) {
        return new Caller(user.subject(), user.name(), user.email(), Set.of(roles), "session-" + user.subject(), true);
    }

    /** What the audit trail keeps of an action. */
    record Audited(UUID actor, String action, String target, String detail) {
    }

    /** The audit trail, oldest first. */
    List<Audited> audited() {
        return audit.all().stream().map(v -> new Audited(v.actorUserId(), v.action(), v.target(), v.detail())).toList();
    }
}
