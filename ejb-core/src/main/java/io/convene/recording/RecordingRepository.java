package io.convene.recording;

import io.convene.meeting.Meeting;
import io.convene.user.User;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where the recording context keeps its recordings ({@code persistence.JpaRecordingRepository} in PostgreSQL). */
public interface RecordingRepository {

    /** A recording with its meeting. */
    record OfMeeting(Recording recording, Meeting meeting) {
    }

    /** A recording with the title of its meeting. */
    record Titled(Recording recording, String meetingTitle) {
    }

    void add(Recording recording);

    void remove(Recording recording);

    Optional<Recording> byId(UUID id);

    /** The recording, its row locked until the transaction ends. */
    Optional<Recording> byIdForUpdate(UUID id);

    /** The recording as committed now (another node may have changed it since it was read). */
    void reread(Recording recording);

    /** The one the meeting is recording now. */
    Optional<Recording> running(UUID meetingId);

    /** The meeting's recordings, oldest first. */
    List<Recording> ofMeeting(UUID meetingId);

    /** The latest recordings of every meeting, newest first. */
    List<Titled> recent(int limit);

    /** The ready recordings of meetings the user took part in, newest first. */
    List<OfMeeting> readyFromMeetingsOf(User user, int limit);

    /** Recordings still running on a node whose lease ran out. */
    List<UUID> ofLostNodes();
}
