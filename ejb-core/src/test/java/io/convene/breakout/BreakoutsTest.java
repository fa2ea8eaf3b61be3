package io.convene.breakout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.meeting.Cast;
import io.convene.meeting.Meeting;
import io.convene.meeting.MeetingLifecycle;
import io.convene.meeting.MeetingWorld;
import io.convene.shared.AccessDeniedException;
import io.convene.shared.ConflictException;
import io.convene.shared.FiredEvents;
import io.convene.user.User;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The breakout rooms' use cases against their repository in memory: who may run them, where people go, what is announced. */
class BreakoutsTest {

    private final MeetingWorld world = new MeetingWorld();
    private final InMemoryBreakoutRooms rooms = new InMemoryBreakoutRooms();
    private final FiredEvents<MeetingLifecycle.BreakoutsOpened> opened = new FiredEvents<>();
    private final FiredEvents<MeetingLifecycle.BreakoutsClosed> closed = new FiredEvents<>();
    private final Breakouts breakouts = new Breakouts();

    private final Cast cast = world.cast();
    private final User host = cast.host(), ann = cast.ann(), bob = cast.bob(), cid = cast.cid();
    private final Meeting meeting = cast.meeting();
    private final String ref = cast.ref();

    BreakoutsTest() {
        breakouts.breakoutRooms = rooms;
        breakouts.meetings = world.meetings;
        breakouts.attendees = world.attendees;
        breakouts.events = world.eventLog;
        breakouts.clock = world.clock;
        breakouts.openedRooms = opened;
        breakouts.closedRooms = closed;
    }

    @Test
    void automaticAssignmentSpreadsEveryoneButTheHostsInTheOrderTheyCame() {
        breakouts.create(MeetingWorld.callerOf(host), ref, 2);

        BreakoutView view = breakouts.assign(MeetingWorld.callerOf(host), ref, new Assignment(Assignment.Mode.AUTO, null));

        assertThat(view.open()).isFalse();
        assertThat(view.rooms()).extracting(BreakoutView.Room::name).containsExactly("Room 1", "Room 2");
        assertThat(view.rooms().get(0).members()).extracting(BreakoutView.Member::name).containsExactly("ann", "cid");
        assertThat(view.rooms().get(1).members()).extracting(BreakoutView.Member::name).containsExactly("bob");
        assertThat(world.events.typesOf(meeting.id())).containsSubsequence("breakout.created",
                "breakout.assigned", "breakout.assigned", "breakout.assigned");
    }

    @Test
    void onlyTheHostAndCoHostsRunRoomsAndEveryoneLetInSeesThem() {
        assertThatThrownBy(() -> breakouts.create(MeetingWorld.callerOf(ann), ref, 2))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("host and co-hosts");
        assertThat(rooms.ofMeeting(meeting.id())).isEmpty();

        breakouts.create(MeetingWorld.callerOf(host), ref, 3);
        assertThat(breakouts.rooms(MeetingWorld.callerOf(ann), null, ref).rooms()).hasSize(3);
    }

    @Test
    void openingAnnouncesTheRoomsAndTheirTimerWhichClosesThemWhenDue() {
        breakouts.create(MeetingWorld.callerOf(host), ref, 2);
        assertThatThrownBy(() -> breakouts.close(MeetingWorld.callerOf(host), ref, null))
                .isInstanceOf(ConflictException.class);

        BreakoutView view = breakouts.open(MeetingWorld.callerOf(host), ref, 60);

        assertThat(view.open()).isTrue();
        assertThat(view.closesAt()).isEqualTo(world.clock.instant().plusSeconds(60));
        assertThat(opened.fired()).singleElement().satisfies(e -> assertThat(e.rooms())
                .containsExactlyElementsOf(rooms.ofMeeting(meeting.id()).stream().map(BreakoutRoom::id).toList()));
        assertThat(world.events.last(meeting.id(), "breakout.opened").payload()).contains(view.closesAt().toString());
        assertThatThrownBy(() -> breakouts.create(MeetingWorld.callerOf(host), ref, 2))
                .isInstanceOf(ConflictException.class).hasMessageContaining("Close the open breakout rooms first");

        world.clock.advance(Duration.ofSeconds(59));
        assertThat(breakouts.closeDue()).isZero();
        world.clock.advance(Duration.ofSeconds(1));
        assertThat(breakouts.closeDue()).isOne();

        assertThat(meeting.breakoutsOpen()).isFalse();
        assertThat(closed.fired()).singleElement().satisfies(e -> assertThat(e.meetingId()).isEqualTo(meeting.id()));
        assertThat(world.events.last(meeting.id(), "breakout.closed").payload()).contains("\"timer\":true");
        assertThat(breakouts.closeDue()).isZero();
    }

    @Test
    void aCountdownOnlyEverBringsTheClosingForward() {
        breakouts.create(MeetingWorld.callerOf(host), ref, 2);
        breakouts.open(MeetingWorld.callerOf(host), ref, null);

        breakouts.close(MeetingWorld.callerOf(host), ref, 30);
        BreakoutView later = breakouts.close(MeetingWorld.callerOf(host), ref, 120);

        assertThat(later.open()).isTrue();
        assertThat(later.closesAt()).isEqualTo(world.clock.instant().plusSeconds(30));
        assertThat(world.events.typesOf(meeting.id())).containsSubsequence("breakout.opened", "breakout.closing",
                "breakout.closing");
    }

    @Test
    void manualAssignmentTakesOnlyThisMeetingsPeopleAndRooms() {
        BreakoutView created = breakouts.create(MeetingWorld.callerOf(host), ref, 2);
        UUID room2 = created.rooms().get(1).id();
        UUID annId = world.of(meeting, ann).id();

        assertThatThrownBy(() -> breakouts.assign(MeetingWorld.callerOf(host), ref,
                new Assignment(Assignment.Mode.MANUAL, Map.of(annId, UUID.randomUUID()))))
                .hasMessageContaining("No such breakout room");
        assertThatThrownBy(() -> breakouts.assign(MeetingWorld.callerOf(host), ref,
                new Assignment(Assignment.Mode.MANUAL, Map.of(UUID.randomUUID(), room2))))
                .hasMessageContaining("No such participant");
        assertThatThrownBy(() -> breakouts.assign(MeetingWorld.callerOf(host), ref,
                new Assignment(Assignment.Mode.MANUAL, Map.of())))
                .hasMessageContaining("MANUAL needs");

        BreakoutView view = breakouts.assign(MeetingWorld.callerOf(host), ref,
                new Assignment(Assignment.Mode.MANUAL, Map.of(annId, room2)));
        assertThat(view.rooms().get(1).members()).extracting(BreakoutView.Member::participationId).containsExactly(annId);

        view = breakouts.move(MeetingWorld.callerOf(host), ref, annId, null);
        assertThat(view.rooms()).allSatisfy(r -> assertThat(r.members()).isEmpty());
    }

    @Test
    void someoneInAnOpenRoomAsksTheHostsForHelpNamingTheRoom() {
        BreakoutView created = breakouts.create(MeetingWorld.callerOf(host), ref, 2);
        assertThatThrownBy(() -> breakouts.askForHelp(MeetingWorld.callerOf(bob), null, ref))
                .isInstanceOf(ConflictException.class);
        breakouts.move(MeetingWorld.callerOf(host), ref, world.of(meeting, bob).id(), created.rooms().get(0).id());
        breakouts.open(MeetingWorld.callerOf(host), ref, null);

        breakouts.askForHelp(MeetingWorld.callerOf(bob), null, ref);

        var help = world.events.last(meeting.id(), "breakout.help");
        assertThat(help.payload()).contains("\"roomName\":\"Room 1\"", "\"name\":\"bob\"");
        UUID hostId = world.of(meeting, host).id();
        assertThat(help.isVisibleTo(hostId, true, null)).isTrue();
        assertThat(help.isVisibleTo(world.of(meeting, ann).id(), false, null)).isFalse();
    }

    @Test
    void closingAtOnceBringsEveryoneBackAndRecreatingReplacesTheRooms() {
        breakouts.create(MeetingWorld.callerOf(host), ref, 2);
        breakouts.assign(MeetingWorld.callerOf(host), ref, new Assignment(Assignment.Mode.AUTO, null));
        breakouts.open(MeetingWorld.callerOf(host), ref, null);

        BreakoutView view = breakouts.close(MeetingWorld.callerOf(host), ref, null);

        assertThat(view.open()).isFalse();
        assertThat(meeting.participations()).allSatisfy(p -> assertThat(p.roomId()).isNull());
        List<UUID> before = rooms.ofMeeting(meeting.id()).stream().map(BreakoutRoom::id).toList();
        breakouts.create(MeetingWorld.callerOf(host), ref, 4);
        assertThat(rooms.ofMeeting(meeting.id())).hasSize(4).extracting(BreakoutRoom::id).doesNotContainAnyElementsOf(before);
    }
}
