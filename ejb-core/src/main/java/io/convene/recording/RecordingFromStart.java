package io.convene.recording;

import io.convene.media.MediaRoomKeeper;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.logging.Logger;

/** A meeting scheduled to be recorded from its start begins recording once its media room is open. */
@ApplicationScoped
public class RecordingFromStart {

    private static final Logger LOG = Logger.getLogger(RecordingFromStart.class.getName());

    @EJB
    RecordingService recordings;

    void roomOpened(@Observes MediaRoomKeeper.RoomOpened opened) {
        try {
            recordings.startWithMeeting(opened.meetingId());
        } catch (RuntimeException e) { // the meeting goes on; the host can still press "Record"
            LOG.warning(() -> "Meeting " + opened.meetingId() + " was to be recorded from its start, but: " + e.getMessage());
        }
    }
}
