package io.convene.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.convene.breakout.BreakoutRepository;
import io.convene.breakout.BreakoutRoom;
import io.convene.meeting.Meeting;
import io.convene.meeting.MeetingLifecycle;
import io.convene.meeting.MeetingWorld;
import io.convene.shared.FiredEvents;
import io.convene.user.User;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Meetings' rooms on the media server, opened and closed as meetings and their breakout rooms start and end. */
class MediaRoomsTest {

    private final MeetingWorld world = new MeetingWorld();
    private final InMemoryMediaServer server = new InMemoryMediaServer();
    private final FiredEvents<MediaRoomKeeper.RoomOpened> opened = new FiredEvents<>();
    private final MediaRoomKeeper keeper = new MediaRoomKeeper();
    private final MediaRooms rooms = new MediaRooms();

    private final User host = world.person("host");

    MediaRoomsTest() {
        keeper.media = server;
        keeper.meetings = world.meetings;
        keeper.breakoutRooms = new NoBreakoutRooms();
        keeper.opened = opened;
        rooms.keeper = keeper;
    }

    /** The breakout repository of a meeting that never had breakout rooms (its rooms are the breakout context's to make). */
    private static final class NoBreakoutRooms implements BreakoutRepository {

        @Override
        public List<BreakoutRoom> ofMeeting(UUID meetingId) {
            return List.of();
        }

        @Override
        public Optional<BreakoutRoom> byId(UUID roomId) {
            return Optional.empty();
        }

        @Override
        public void replace(UUID meetingId, List<BreakoutRoom> replacing) {
            throw new UnsupportedOperationException("rooms are made by the breakout context");
        }
    }

    @Test
    void aStartedMeetingGetsItsRoomAndWhatIsToBeginWithItHearsSo() {
        Meeting meeting = world.live(host);

        rooms.opened(new MeetingLifecycle.Started(meeting.id()));

        assertThat(server.openRooms()).containsExactly(meeting.id());
        assertThat(opened.fired()).containsExactly(new MediaRoomKeeper.RoomOpened(meeting.id()));
    }

    @Test
    void withoutAMediaServerOrWhenItFailsNoRoomIsOpenedAndTheMeetingGoesOn() {
        Meeting meeting = world.live(host);
        server.failing("openRoom", new MediaFailure("Janus unreachable"));

        rooms.opened(new MeetingLifecycle.Started(meeting.id()));
        assertThat(server.calls()).containsExactly("openRoom " + meeting.id());

        server.off();
        rooms.opened(new MeetingLifecycle.Started(meeting.id()));
        assertThat(server.calls()).hasSize(1);
        assertThat(opened.fired()).isEmpty();
    }

    @Test
    void anEndedMeetingsRoomIsClosed() {
        Meeting meeting = world.live(host);
        rooms.opened(new MeetingLifecycle.Started(meeting.id()));

        rooms.closed(new MeetingLifecycle.Ended(meeting.id()));

        assertThat(server.openRooms()).isEmpty();
        assertThat(server.calls()).endsWith("closeRoom " + meeting.id());
    }

    @Test
    void breakoutRoomsGetMediaRoomsOfTheirOwnWhileOpen() {
        Meeting meeting = world.live(host);
        UUID one = UUID.randomUUID();
        UUID two = UUID.randomUUID();

        rooms.breakoutsOpened(new MeetingLifecycle.BreakoutsOpened(meeting.id(), List.of(one, two)));
        assertThat(server.openRooms()).containsExactlyInAnyOrder(one, two);
        assertThat(opened.fired()).extracting(MediaRoomKeeper.RoomOpened::meetingId).containsExactly(one, two);

        rooms.breakoutsClosed(new MeetingLifecycle.BreakoutsClosed(meeting.id(), List.of(one, two)));
        assertThat(server.openRooms()).isEmpty();
    }

    @Test
    void anEmptiedMeetingsRoomGoesUnlessSomeoneCameInMeanwhile() {
        Meeting stillIn = world.live(host);
        Meeting empty = world.meeting(host);
        rooms.opened(new MeetingLifecycle.Started(stillIn.id()));
        rooms.opened(new MeetingLifecycle.Started(empty.id()));

        rooms.emptied(new MeetingLifecycle.Emptied(stillIn.id()));
        rooms.emptied(new MeetingLifecycle.Emptied(empty.id()));

        assertThat(server.openRooms()).containsExactly(stillIn.id());
    }
}
