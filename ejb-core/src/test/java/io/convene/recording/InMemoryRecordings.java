package io.convene.recording;

import io.convene.meeting.MeetingRepository;
import io.convene.user.User;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The recording context's repository kept in a list, for unit tests: the same answers as
 * {@code persistence.JpaRecordingRepository} (its meetings read from the meeting repository). A
 * recording's node lease is the database's: a test says which recordings' nodes are lost.
 */
final class InMemoryRecordings implements RecordingRepository {

    private final List<Recording> recordings = new ArrayList<>();
    private final Set<UUID> ofLostNodes = new HashSet<>();
    private final MeetingRepository meetings;
    int rereads;

    InMemoryRecordings(MeetingRepository meetings) {
        this.meetings = meetings;
    }

    List<Recording> all() {
        return List.copyOf(recordings);
    }

    /** The node running this recording lost its lease. */
    void nodeLost(UUID recordingId) {
        ofLostNodes.add(recordingId);
    }

    @Override
    public void add(Recording recording) {
        recordings.add(recording);
    }

    @Override
    public void remove(Recording recording) {
        recordings.remove(recording);
    }

    @Override
    public Optional<Recording> byId(UUID id) {
        return recordings.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    @Override
    public Optional<Recording> byIdForUpdate(UUID id) {
        return byId(id);
    }

    @Override
    public void reread(Recording recording) {
        rereads++;
    }

    @Override
    public Optional<Recording> running(UUID meetingId) {
        return recordings.stream().filter(r -> r.meetingId().equals(meetingId) && r.status() == Recording.Status.RECORDING)
                .findFirst();
    }

    @Override
    public List<Recording> ofMeeting(UUID meetingId) {
        return recordings.stream().filter(r -> r.meetingId().equals(meetingId))
                .sorted(Comparator.comparing(Recording::startedAt)).toList();
    }

    @Override
    public List<Titled> recent(int limit) {
        return recordings.stream().sorted(Comparator.comparing(Recording::startedAt).reversed())
                .flatMap(r -> meetings.byId(r.meetingId()).map(m -> new Titled(r, m.title())).stream())
                .limit(limit).toList();
    }

    @Override
    public List<OfMeeting> readyFromMeetingsOf(User user, int limit) {
        return recordings.stream().filter(r -> r.status() == Recording.Status.READY)
                .sorted(Comparator.comparing(Recording::startedAt).reversed())
                .flatMap(r -> meetings.byId(r.meetingId()).stream()
                        .filter(m -> m.participations().stream().anyMatch(p -> p.user() != null && p.user().id().equals(user.id())))
                        .map(m -> new OfMeeting(r, m)))
                .limit(limit).toList();
    }

    @Override
    public List<UUID> ofLostNodes() {
        return recordings.stream().filter(r -> r.status() == Recording.Status.RECORDING && ofLostNodes.contains(r.id()))
                .map(Recording::id).toList();
    }

}
