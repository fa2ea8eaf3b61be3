package io.convene.media;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Opens and closes meetings' rooms on the media server in the background. A media server that fails
 * here is logged, not fatal: the meeting goes on (without media until the server is back; opening is
 * idempotent).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MediaRoomKeeper {

    private static final Logger LOG = Logger.getLogger(MediaRoomKeeper.class.getName());

    @EJB
    MediaServer media;

    @jakarta.inject.Inject
    io.convene.meeting.MeetingRepository meetings;

    @jakarta.inject.Inject
    io.convene.breakout.BreakoutRepository breakoutRooms;

    @jakarta.inject.Inject
    jakarta.enterprise.event.Event<RoomOpened> opened;

    @Asynchronous
    public void open(UUID meetingId) {
        if (act(meetingId, "opened", media::openRoom)) {
            opened.fire(new RoomOpened(meetingId));
        }
    }

    /** A meeting's media room is open on the media server (what is to begin with it may begin). */
    public record RoomOpened(UUID meetingId) {
    }

    @Asynchronous
    public void close(UUID meetingId) {
        act(meetingId, "closed", media::closeRoom);
    }

    /** The meeting ended: the media rooms of its breakout rooms go too (those never opened are no matter). */
    @Asynchronous
    public void closeBreakoutRooms(UUID meetingId) {
        breakoutRooms.ofMeeting(meetingId)
                .forEach(room -> act(room.id(), "closed (its meeting ended)", media::closeRoom));
    }

    /** Closes the room unless someone came in meanwhile. */
    @Asynchronous
    public void closeIfEmpty(UUID meetingId) {
        if (!meetings.hasSomeoneIn(meetingId)) {
            act(meetingId, "closed (nobody in the meeting)", media::closeRoom);
        }
    }

    /** Whether it was done. */
    private boolean act(UUID meetingId, String done, Consumer<UUID> action) {
        if (!media.configured()) {
            return false;
        }
        try {
            action.accept(meetingId);
            LOG.info(() -> "Media room " + meetingId + " " + done);
            return true;
        } catch (RuntimeException e) {
            LOG.warning(() -> "Media room " + meetingId + " not " + done + ": " + e.getMessage());
            return false;
        }
    }
}
