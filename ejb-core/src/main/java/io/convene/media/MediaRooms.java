package io.convene.media;

import io.convene.meeting.MeetingLifecycle;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/**
 * A live meeting has a room on the media server: opened when the meeting starts, closed when it
 * ends or the last one in it leaves, each once the change committed and off the request's thread ({@link MediaRoomKeeper}), so a
 * slow media server never slows a join.
 */
@ApplicationScoped
public class MediaRooms {

    @EJB
    MediaRoomKeeper keeper;

    void opened(@Observes(during = TransactionPhase.AFTER_SUCCESS) MeetingLifecycle.Started started) {
        keeper.open(started.meetingId());
    }

    void closed(@Observes(during = TransactionPhase.AFTER_SUCCESS) MeetingLifecycle.Ended ended) {
        keeper.close(ended.meetingId());
        keeper.closeBreakoutRooms(ended.meetingId());
    }

    /** Breakout rooms opened: their media rooms are made before their people publish there. */
    void breakoutsOpened(@Observes(during = TransactionPhase.AFTER_SUCCESS) MeetingLifecycle.BreakoutsOpened opened) {
        opened.rooms().forEach(keeper::open);
    }

    /** Breakout rooms closed: their own media rooms go (everyone in them is back in the meeting's). */
    void breakoutsClosed(@Observes(during = TransactionPhase.AFTER_SUCCESS) MeetingLifecycle.BreakoutsClosed closed) {
        closed.rooms().forEach(keeper::close);
    }

    /** Nobody left in it: its room goes (the first to publish again makes it anew). */
    void emptied(@Observes(during = TransactionPhase.AFTER_SUCCESS) MeetingLifecycle.Emptied emptied) {
        keeper.closeIfEmpty(emptied.meetingId());
    }
}
