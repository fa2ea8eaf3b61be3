package io.convene.recording;

import io.convene.audit.AuditAction;
import io.convene.audit.AuditTrails;
import io.convene.audit.AuditView;
import io.convene.audit.InMemoryAuditRepository;
import io.convene.media.InMemoryMediaServer;
import io.convene.meeting.MeetingWorld;
import io.convene.notification.RecordingBroker;
import io.convene.platform.NodeLease;
import io.convene.privacy.InMemoryLegalHolds;
import io.convene.shared.FiredEvents;
import io.convene.storage.InMemoryBlobStore;
import io.convene.user.User;
import io.convene.user.UserPorts;
import java.util.List;

/**
 * The recording context wired the way the container wires it, over {@link MeetingWorld}: its
 * repository, the blob store, the media server and legal holds in memory, the audit trail recorded.
 * Notices go to the notification context's {@link RecordingBroker}. Not wired: {@code RecordingTickets}
 * (what needs them is not exercised here; {@code PlatformFixtures} would wire them).
 */
final class RecordingWorld {

    final MeetingWorld world = new MeetingWorld();
    final InMemoryRecordings recordings = new InMemoryRecordings(world.meetings);
    final InMemoryMediaServer media = new InMemoryMediaServer();
    final InMemoryBlobStore blobs = new InMemoryBlobStore();
    final RecordingBroker broker = new RecordingBroker();
    final InMemoryLegalHolds holds = new InMemoryLegalHolds();
    final InMemoryAuditRepository audit = new InMemoryAuditRepository(id -> world.users.byId(id).map(User::email).orElse(null));
    final FiredEvents<RecordingService.Stopped> stopped = new FiredEvents<>();
    final FiredEvents<RecordingService.Deleted> deleted = new FiredEvents<>();
    final RecordingService service = new RecordingService();
    final io.convene.platform.PendingUndos undos = new io.convene.platform.PendingUndos();
    final RecordingFinisher finisher = new RecordingFinisher();
    final RecordingLifecycle lifecycle = new RecordingLifecycle();

    RecordingWorld() {
        service.permissions = UserPorts.permissions(world.users);
        service.recordings = recordings;
        service.meetings = world.meetings;
        service.attendees = world.attendees;
        service.events = world.eventLog;
        service.users = world.userService;
        service.audit = AuditTrails.of(audit, UserPorts.auditedPeople(world.userService), world.clock);
        service.clock = world.clock;
        service.lease = new NodeLease();
        service.media = media;
        service.undo = undos;
        service.blobs = blobs;
        service.stopped = stopped;
        service.deleted = deleted;
        service.holds = holds;
        service.notices = broker.notices(world.clock);

        finisher.media = media;
        finisher.recordings = service;
        finisher.blobs = blobs;
        finisher.maxBytes = 1024;

        lifecycle.finisher = finisher;
        lifecycle.blobs = blobs;
    }

    /** The audit entries of this action, oldest first. */
    List<AuditView> audited(AuditAction action) {
        return audit.withAction(action);
    }
}
