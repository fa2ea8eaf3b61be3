package io.convene.media;

import io.convene.meeting.MeetingLifecycle;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.logging.Logger;

/**
 * A live meeting has a room on the media server: opened when the meeting starts, closed when it
 * ends, each once the change committed. A media server that fails here is logged, not fatal: the
 * meeting goes on (without media until the server is back; opening is idempotent).
 */
@ApplicationScoped
public class MediaRooms {

    private static final Logger LOG = Logger.getLogger(MediaRooms.class.getName());

    @EJB
    MediaServer media;

    void opened(@Observes(during = TransactionPhase.AFTER_SUCCESS) MeetingLifecycle.Started started) {
        if (!media.configured()) {
            return;
        }
        try {
            media.openRoom(started.meetingId());
            LOG.info(() -> "Media room of meeting " + started.meetingId() + " opened");
        } catch (RuntimeException e) {
            LOG.warning(() -> "Media room of meeting " + started.meetingId() + " not opened: " + e.getMessage());
        }
    }

    void closed(@Observes(during = TransactionPhase.AFTER_SUCCESS) MeetingLifecycle.Ended ended) {
        if (!media.configured()) {
            return;
        }
        try {
            media.closeRoom(ended.meetingId());
            LOG.info(() -> "Media room of meeting " + ended.meetingId() + " closed");
        } catch (RuntimeException e) {
            LOG.warning(() -> "Media room of meeting " + ended.meetingId() + " not closed: " + e.getMessage());
        }
    }
}
