package io.convene.recording;

import io.convene.shared.Permission;
import io.convene.shared.Permissions;
import io.convene.audit.AuditAction;
import io.convene.audit.AuditTrail;
import io.convene.media.MediaServer;
import io.convene.meeting.Attendees;
import io.convene.meeting.EventAudience;
import io.convene.meeting.Meeting;
import io.convene.meeting.MeetingEventLog;
import io.convene.meeting.MeetingRepository;
import io.convene.meeting.MeetingService;
import io.convene.meeting.MeetingStatus;
import io.convene.meeting.Participation;
import io.convene.notification.NoticeKind;
import io.convene.notification.Notices;
import io.convene.platform.SignedTickets;
import io.convene.platform.Undo;
import io.convene.privacy.LegalHolds;
import io.convene.shared.AccessDeniedException;
import io.convene.shared.Caller;
import io.convene.shared.ConflictException;
import io.convene.shared.NotFoundException;
import io.convene.shared.UnavailableException;
import io.convene.storage.BlobStore;
import io.convene.user.User;
import io.convene.user.UserService;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import io.convene.shared.Jsons;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Recording and playback (seed API group 6, docs/recordings.md). The host and co-hosts start and
 * stop a meeting's recording (everyone in the meeting is told: {@code meeting.recording}); when it
 * stops (or the meeting ends) it is made one file in the background ({@link RecordingFinisher}).
 * Who may watch: the meeting's host and co-hosts, whoever started it, administrators and compliance
 * officers, and the meeting's participants once the host shares it. Every access is audited. The
 * meeting's host and compliance officers delete one, unless a legal hold keeps it.
 */
@Stateless
public class RecordingService {

    /** What to do when a start rolls back after the media server began recording. */
    @Inject
    Undo undo;

    @Inject
    Permissions permissions;

    @Inject
    RecordingTickets tickets;

    private static final Logger LOG = Logger.getLogger(RecordingService.class.getName());

    @Inject
    RecordingRepository recordings;

    @Inject
    MeetingRepository meetings;

    @Inject
    Attendees attendees;

    @Inject
    MeetingEventLog events;

    @Inject
    UserService users;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @EJB
    io.convene.platform.NodeLease lease;

    @EJB
    MediaServer media;

    @Inject
    Notices notices;

    @jakarta.ejb.EJB
    BlobStore blobs;

    @Inject
    Event<Stopped> stopped;

    @Inject
    Event<Deleted> deleted;

    @Inject
    LegalHolds holds;

    /** A recording stopped: fired in the stopping transaction, finished after it commits. */
    public record Stopped(UUID recordingId) {
    }

    /** A recording was deleted: fired in the deleting transaction, its file deleted after it commits. */
    public record Deleted(UUID recordingId, String blobKey) {
    }

    /**
     * A recording's file for one who may watch it: what describes it, and its content from a byte
     * offset on (a range; the caller closes the stream).
     */
    public record Opened(RecordingView recording, java.util.function.LongFunction<java.io.InputStream> from) {
    }

    public RecordingView start(Caller caller, String reference) {
        Meeting meeting = meetings.lockedByReference(reference).orElseThrow(MeetingService::notFound);
        Participation me = attendees.runningIt(meeting, caller, "Only the host and co-hosts record a meeting");
        if (meeting.status() != MeetingStatus.LIVE) {
            throw new ConflictException("Only a live meeting can be recorded");
        }
        if (running(meeting.id()).isPresent()) {
            throw new ConflictException("The meeting is being recorded already");
        }
        if (!media.configured()) {
            throw new UnavailableException("Recording is off: no media server is configured");
        }
        Recording recording = new Recording(meeting.id(), me.user().id(), clock.instant(), lease.id());
        long asked = startRecording(meeting, recording);
        recordings.add(recording);
        announce(meeting, recording, true);
        audit.action(caller, AuditAction.RECORDING_STARTED, "recording:" + recording.id(), "meeting " + meeting.id());
        LOG.info(() -> "Recording " + recording.id() + " of meeting " + meeting.id() + " started (the media server took "
                + asked + " ms)");
        return recording.view();
    }

    /**
     * A meeting scheduled to be recorded from its start is live and its media room open: recording
     * begins as if its host had pressed "Record" (started by the host, audited, everyone told). In a
     * transaction of its own; nothing happens when it is not live any more or already recording.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void startWithMeeting(UUID meetingId) {
        Meeting meeting = meetings.lockedByReference(meetingId.toString()).orElse(null);
        if (meeting == null || !meeting.recordsFromStart() || meeting.status() != MeetingStatus.LIVE
                || running(meetingId).isPresent()) {
            return;
        }
        io.convene.user.User host = meeting.host();
        Recording recording = new Recording(meeting.id(), host.id(), clock.instant(), lease.id());
        startRecording(meeting, recording);
        recordings.add(recording);
        announce(meeting, recording, true);
        audit.action(new Caller(host.subject(), host.name(), host.email(), java.util.Set.of(), null, host.emailVerified()),
                AuditAction.RECORDING_STARTED, "recording:" + recording.id(), "meeting " + meeting.id() + ", recorded from its start");
        LOG.info(() -> "Recording " + recording.id() + " of meeting " + meeting.id() + " started with the meeting");
    }

    /** Asks the media server to record; the recording counts from when it does. Answers how long that took (ms). */
    private long startRecording(Meeting meeting, Recording recording) {
        long t0 = System.nanoTime();
        media.startRecording(meeting.id(), recording.id());
        UUID meetingId = meeting.id();
        UUID recordingId = recording.id();
        undo.ifRolledBack("recording " + recordingId + " of meeting " + meetingId, () -> discard(meetingId, recordingId));
        recording.began(clock.instant());
        long took = (System.nanoTime() - t0) / 1_000_000;
        if (took > 2000) {
            LOG.warning(() -> "The media server took " + took + " ms to start recording meeting " + meeting.id());
        }
        return took;
    }

    /**
     * A start that did not commit: no one was told the meeting is recorded, so the media server stops
     * and what it recorded is thrown away (left in the room's folder, it would go into the next
     * recording of the meeting).
     */
    private void discard(UUID meetingId, UUID recordingId) {
        try {
            java.nio.file.Files.deleteIfExists(media.finishRecording(meetingId, recordingId).file());
            LOG.warning(() -> "Recording " + recordingId + " of meeting " + meetingId + " rolled back: stopped, its media discarded");
        } catch (java.io.IOException | RuntimeException e) {
            LOG.warning(() -> "Recording " + recordingId + " of meeting " + meetingId + " rolled back: the media server was told"
                    + " to stop and answered " + e.getMessage());
        }
    }

    public RecordingView stop(Caller caller, String reference) {
        Meeting meeting = meetings.lockedByReference(reference).orElseThrow(MeetingService::notFound);
        attendees.runningIt(meeting, caller, "Only the host and co-hosts stop a recording");
        Recording recording = running(meeting.id()).orElseThrow(() -> new ConflictException("The meeting is not being recorded"));
        stop(meeting, recording);
        audit.action(caller, AuditAction.RECORDING_STOPPED, "recording:" + recording.id(), "meeting " + meeting.id());
        return recording.view();
    }

    /** Recordings still running on a node whose lease ran out: it crashed, or stopped without stopping them. */
    public List<UUID> ofLostNodes() {
        return recordings.ofLostNodes();
    }

    /**
     * A recording whose node was lost: stopped now and finished from what the media server wrote (or
     * failed with the reason), so the meeting can be recorded again; a live meeting hears that it
     * stopped. Nothing when it was stopped meanwhile.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void stopOfLostNode(UUID recordingId) {
        Recording recording = find(recordingId);
        Meeting meeting = meetings.lockedByReference(recording.meetingId().toString()).orElse(null);
        recordings.reread(recording); // as committed once the meeting is ours: another node may have stopped it
        if (meeting == null || recording.status() != Recording.Status.RECORDING) {
            return;
        }
        stop(meeting, recording);
        audit.record(io.convene.audit.AuditEntry.action(recording.startedBy(), AuditAction.RECORDING_STOPPED, "recording:" + recording.id(),
                "meeting " + meeting.id() + ": the node recording it was lost; finished from what the media server wrote",
                clock.instant()));
        LOG.warning(() -> "Recording " + recordingId + " of meeting " + meeting.id() + " was left running by a lost node; stopped");
    }

    /** The meeting ended while recording: the recording stops with it. */
    public void stopWithMeeting(UUID meetingId) {
        meetings.lockedByReference(meetingId.toString()).ifPresent(meeting ->
                running(meetingId).ifPresent(recording -> stop(meeting, recording)));
    }

    private void stop(Meeting meeting, Recording recording) {
        recording.stop(clock.instant());
        if (meeting.status() == MeetingStatus.LIVE) {
            announce(meeting, recording, false);
        }
        stopped.fire(new Stopped(recording.id()));
        LOG.info(() -> "Recording " + recording.id() + " of meeting " + meeting.id() + " stopped; processing");
    }

    private void announce(Meeting meeting, Recording recording, boolean on) {
        events.record(meeting, "meeting.recording", Jsons.createObjectBuilder().add("recording", on)
                .add("recordingId", recording.id().toString()), EventAudience.ALL, null);
    }

    /** A recording with the title of its meeting, for the console's list. */
    public record RecordingRow(RecordingView recording, String meetingTitle) {
    }

    /** The latest recordings of every meeting, newest first: for administrators and compliance officers. */
    public List<RecordingRow> recent(Caller caller, int limit) {
        permissions.require(caller, Permission.SEE_EVERY_RECORDING);
        return recordings.recent(Math.min(Math.max(limit, 1), 500)).stream()
                .map(row -> new RecordingRow(row.recording().view(), row.meetingTitle())).toList();
    }

    /** The recordings of a meeting that the caller may watch (in the meeting: what it is recording too). */
    public List<RecordingView> ofMeeting(Caller caller, String reference) {
        Meeting meeting = meetings.byReference(reference).orElseThrow(MeetingService::notFound);
        User user = users.current(caller);
        return recordings.ofMeeting(meeting.id()).stream()
                .filter(r -> mayWatch(caller, user, meeting, r)).map(Recording::view).toList();
    }

    /** The ready recordings of meetings the caller hosted or was in that they may watch, newest first (a hundred). */
    public List<RecordingRow> mine(Caller caller) {
        User user = users.current(caller);
        return recordings.readyFromMeetingsOf(user, 100).stream()
                .filter(row -> mayWatch(caller, user, row.meeting(), row.recording()))
                .map(row -> new RecordingRow(row.recording().view(), row.meeting().title())).toList();
    }

    /** A ticket for the browser's player (four hours), for one who may watch the recording now. */
    public SignedTickets.Ticket ticket(Caller caller, UUID id) {
        watchable(caller, id);
        return tickets.issue(caller, id);
    }

    /** {@link #open} for a player's request with its ticket, checked and audited as its person's own. */
    public Opened openWithTicket(String ticket, UUID id, String how) {
        return open(tickets.verify(ticket, id), id, how);
    }

    public RecordingView view(Caller caller, UUID id) {
        Recording recording = watchable(caller, id);
        return recording.view();
    }

    /** Shares the recording with the meeting's participants, or stops sharing it. */
    public RecordingView share(Caller caller, UUID id, boolean shared) {
        Recording recording = find(id);
        Meeting meeting = meetings.byId(recording.meetingId()).orElseThrow(MeetingService::notFound);
        attendees.runningIt(meeting, caller, "Only the host and co-hosts share a recording");
        recording.share(shared);
        audit.action(caller, shared ? AuditAction.RECORDING_SHARED : AuditAction.RECORDING_UNSHARED, "recording:" + id, "meeting " + meeting.id());
        return recording.view();
    }

    /**
     * Deletes the recording, for the meeting's host and compliance officers (audited); its file goes
     * once that committed. Refused while it is being made, and while anyone in its meeting (or who
     * started it) is on legal hold.
     */
    public void delete(Caller caller, UUID id) {
        Recording recording = recordings.byIdForUpdate(id).orElseThrow(() -> new NotFoundException("No such recording"));
        Meeting meeting = meetings.byId(recording.meetingId()).orElseThrow(MeetingService::notFound);
        boolean compliance = caller.roles().contains(Caller.COMPLIANCE_OFFICER);
        if (!compliance && !meeting.isHostedBy(users.current(caller))) {
            throw new AccessDeniedException("Only the meeting's host and compliance officers delete a recording");
        }
        if (recording.status() == Recording.Status.RECORDING || recording.status() == Recording.Status.PROCESSING) {
            throw new ConflictException("The recording is still being made; delete it once it is ready or failed");
        }
        List<String> reasons = holds.onRecording(id);
        if (!reasons.isEmpty()) {
            throw new ConflictException("Someone in this meeting is on legal hold"
                    + (compliance ? " (" + String.join("; ", reasons) + ")" : "") + ": the recording must be kept until it is released");
        }
        recordings.remove(recording);
        audit.action(caller, AuditAction.RECORDING_DELETED, "recording:" + id, "meeting " + meeting.id());
        deleted.fire(new Deleted(id, recording.blobKey()));
        LOG.info(() -> "Recording " + id + " of meeting " + meeting.id() + " deleted");
    }

    /**
     * The recording's file for one who may watch it, audited ({@code how}: what is read, e.g. a
     * playback's byte range or a download).
     */
    public Opened open(Caller caller, UUID id, String how) {
        Recording recording = watchable(caller, id);
        if (recording.status() != Recording.Status.READY) {
            throw new ConflictException("The recording is not ready (" + recording.status().name().toLowerCase() + ")");
        }
        audit.action(caller, AuditAction.RECORDING_ACCESSED, "recording:" + id, how);
        String key = recording.blobKey();
        return new Opened(recording.view(), offset -> blobs.open(key, offset));
    }

    private Recording watchable(Caller caller, UUID id) {
        Recording recording = find(id);
        Meeting meeting = meetings.byId(recording.meetingId()).orElseThrow(MeetingService::notFound);
        if (!mayWatch(caller, users.current(caller), meeting, recording)) {
            throw new AccessDeniedException("You may not watch this recording");
        }
        return recording;
    }

    private static boolean mayWatch(Caller caller, User user, Meeting meeting, Recording recording) {
        if (caller.isAdmin() || caller.roles().contains(Caller.COMPLIANCE_OFFICER) || recording.startedBy().equals(user.id())) {
            return true;
        }
        Optional<Participation> mine = meeting.participationOf(user);
        return mine.filter(Participation::isHostOrCoHost).isPresent()
                || (recording.shared() && mine.filter(Participation::maySeeMeeting).isPresent());
    }

    private Optional<Recording> running(UUID meetingId) {
        return recordings.running(meetingId);
    }

    /** What the finisher needs of a recording: its meeting. */
    public UUID meetingOf(UUID recordingId) {
        return find(recordingId).meetingId();
    }

    /** The recording's file is stored: it is ready, and its host, co-hosts and whoever started it are told. */
    public void completed(UUID recordingId, String blobKey, String format, long size, java.time.Duration duration, String sha256) {
        Recording recording = find(recordingId);
        recording.ready(blobKey, format, size, duration, sha256);
        meetings.byId(recording.meetingId()).ifPresent(meeting -> notices.publish(NoticeKind.RECORDING_READY, meeting,
                meeting.participations().stream().filter(p -> p.isHostOrCoHost()
                        || (p.user() != null && p.user().id().equals(recording.startedBy()))).toList()));
        LOG.info(() -> "Recording " + recordingId + " ready: " + size + " bytes, " + duration.toMillis() + " ms");
    }

    public void failed(UUID recordingId, String reason) {
        find(recordingId).failed(reason);
        LOG.warning(() -> "Recording " + recordingId + " failed: " + reason);
    }

    Recording find(UUID id) {
        return recordings.byId(id).orElseThrow(() -> new NotFoundException("No such recording"));
    }
}
