package io.convene.whiteboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.meeting.Cast;
import io.convene.meeting.Meeting;
import io.convene.meeting.MeetingEvent;
import io.convene.meeting.MeetingWorld;
import io.convene.meeting.Participation;
import io.convene.shared.AccessDeniedException;
import io.convene.shared.Caller;
import io.convene.shared.InvalidInputException;
import io.convene.shared.NotFoundException;
import io.convene.user.User;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The whiteboard's use cases against its repository in memory: one order of operations, who may do what, rooms' own boards. */
class WhiteboardsTest {

    private final MeetingWorld world = new MeetingWorld();
    private final InMemoryWhiteboards boards = new InMemoryWhiteboards();
    private final Whiteboards whiteboards = new Whiteboards();

    private final Cast cast = world.castOfThree();
    private final User host = cast.host(), ann = cast.ann(), bob = cast.bob();
    private final Meeting meeting = cast.meeting();
    private final String ref = cast.ref();

    WhiteboardsTest() {
        whiteboards.boards = boards;
        whiteboards.meetings = world.meetings;
        whiteboards.attendees = world.attendees;
        whiteboards.events = world.eventLog;
        whiteboards.clock = world.clock;
    }

    private static Caller as(User user) {
        return MeetingWorld.callerOf(user);
    }

    private static Shape rect(double x) {
        return new Shape(Shape.Type.RECT, x, 20, 100, 50, null, null, "#ff0000", 3.0);
    }

    private static Shape text(String text) {
        return new Shape(Shape.Type.TEXT, 10, 30, 0, 0, null, text, null, null);
    }

    private static BoardOpInput put(String opId, String objectId, Shape shape) {
        return new BoardOpInput(opId, WhiteboardOp.Kind.PUT, objectId, null, shape);
    }

    private static BoardOpInput delete(String opId, String objectId) {
        return new BoardOpInput(opId, WhiteboardOp.Kind.DELETE, objectId, null, null);
    }

    private static BoardOpInput undo(String opId, String target) {
        return new BoardOpInput(opId, WhiteboardOp.Kind.UNDO, null, target, null);
    }

    private static BoardOpInput clear(String opId) {
        return new BoardOpInput(opId, WhiteboardOp.Kind.CLEAR, null, null, null);
    }

    private static BoardOps batch(BoardOpInput... ops) {
        return new BoardOps(List.of(ops));
    }

    private static List<String> objectIds(BoardView view) {
        return view.objects().stream().map(BoardView.BoardObject::id).toList();
    }

    private long eventsOf(String type) {
        return world.events.typesOf(meeting.id()).stream().filter(type::equals).count();
    }

    private UUID idOf(User user) {
        return world.of(meeting, user).id();
    }

    @Test
    void theFirstToOpenTheWhiteboardCreatesItAndEveryoneHearsOfItOnce() {
        BoardView created = whiteboards.create(as(ann), null, ref);
        BoardView again = whiteboards.create(as(bob), null, ref);

        assertThat(created.seq()).isZero();
        assertThat(created.locked()).isFalse();
        assertThat(created.objects()).isEmpty();
        assertThat(again).isEqualTo(created);
        assertThat(boards.boards()).singleElement().satisfies(b -> assertThat(b.roomId()).isNull());
        assertThat(world.events.typesOf(meeting.id())).containsExactly("whiteboard.created");
        assertThat(world.events.last(meeting.id(), "whiteboard.created").isVisibleTo(idOf(bob), false, null)).isTrue();
    }

    @Test
    void nothingIsDrawnOrShownBeforeTheBoardIsCreated() {
        assertThatThrownBy(() -> whiteboards.update(as(ann), null, ref, batch(put("1", "a", rect(10)))))
                .isInstanceOf(NotFoundException.class).hasMessage("This meeting has no whiteboard yet");
        assertThatThrownBy(() -> whiteboards.get(as(ann), null, ref))
                .isInstanceOf(NotFoundException.class).hasMessage("This meeting has no whiteboard yet");
        assertThat(boards.boards()).isEmpty();
    }

    @Test
    void operationsFromEveryoneAreNumberedInOneOrderAndEachBatchAnnouncedOnce() {
        whiteboards.create(as(ann), null, ref);

        BoardView afterAnn = whiteboards.update(as(ann), null, ref, batch(put("a1", "box", rect(10)), put("a2", "note", text("Hi"))));
        BoardView afterBob = whiteboards.update(as(bob), null, ref, batch(put("b1", "box", rect(40)), delete("b2", "note")));

        assertThat(afterAnn.seq()).isEqualTo(2);
        assertThat(objectIds(afterAnn)).containsExactly("box", "note");
        assertThat(afterBob.seq()).isEqualTo(4);
        assertThat(objectIds(afterBob)).containsExactly("box");
        assertThat(afterBob.objects().get(0).shape().getJsonNumber("x").doubleValue()).isEqualTo(40.0);
        assertThat(afterBob.objects().get(0).shape().getString("color")).isEqualTo("#ff0000");
        assertThat(whiteboards.get(as(host), null, ref)).isEqualTo(afterBob);

        assertThat(eventsOf("whiteboard.ops")).isEqualTo(2);
        MeetingEvent bobs = world.events.last(meeting.id(), "whiteboard.ops");
        assertThat(bobs.payload()).contains("\"fromSeq\":3", "\"toSeq\":4", "\"opId\":\"b1\"", "\"opId\":\"b2\"",
                "\"author\":\"" + idOf(bob) + "\"", "\"op\":\"DELETE\"", "\"objectId\":\"note\"");
        assertThat(bobs.payload()).doesNotContain("\"opId\":\"a1\"");
    }

    @Test
    void aResentOperationIsAppliedOnceAndAnotherAuthorsOperationOfTheSameIdIsTheirOwn() {
        whiteboards.create(as(ann), null, ref);
        whiteboards.update(as(ann), null, ref, batch(put("1", "box", rect(10))));

        BoardView resent = whiteboards.update(as(ann), null, ref, batch(put("1", "box", rect(99)), put("1", "box", rect(99))));

        assertThat(resent.seq()).isOne();
        assertThat(resent.objects().get(0).shape().getJsonNumber("x").doubleValue()).isEqualTo(10.0);
        assertThat(eventsOf("whiteboard.ops")).isOne();

        BoardView bobs = whiteboards.update(as(bob), null, ref, batch(put("1", "line", rect(70))));
        assertThat(bobs.seq()).isEqualTo(2);
        assertThat(objectIds(bobs)).containsExactly("box", "line");
        assertThat(boards.ops(boards.boards().get(0).id())).extracting(WhiteboardOp::authorId)
                .containsExactly(idOf(ann), idOf(bob));
    }

    @Test
    void undoReachesOnlyOnesOwnOperations() {
        whiteboards.create(as(ann), null, ref);
        whiteboards.update(as(ann), null, ref, batch(put("a1", "box", rect(10)), put("a2", "note", text("Hi"))));

        assertThatThrownBy(() -> whiteboards.update(as(bob), null, ref, batch(undo("b1", "a1"))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("ops[0]: UNDO needs the opId of one of your own operations");
        assertThat(objectIds(whiteboards.get(as(bob), null, ref))).containsExactly("box", "note");

        BoardView undone = whiteboards.update(as(ann), null, ref, batch(undo("a3", "a1")));

        assertThat(undone.seq()).isEqualTo(3);
        assertThat(objectIds(undone)).containsExactly("note");
        assertThat(world.events.last(meeting.id(), "whiteboard.ops").payload()).contains("\"op\":\"UNDO\"", "\"target\":\"a1\"");
    }

    @Test
    void onlyTheHostAndCoHostsClearTheBoard() {
        whiteboards.create(as(ann), null, ref);
        whiteboards.update(as(ann), null, ref, batch(put("a1", "box", rect(10))));

        assertThatThrownBy(() -> whiteboards.update(as(ann), null, ref, batch(clear("a2"))))
                .isInstanceOf(AccessDeniedException.class).hasMessage("Only the host and co-hosts clear the whiteboard");
        assertThat(objectIds(whiteboards.get(as(ann), null, ref))).containsExactly("box");

        BoardView cleared = whiteboards.update(as(host), null, ref, batch(clear("h1")));

        assertThat(cleared.objects()).isEmpty();
        assertThat(cleared.seq()).isEqualTo(2);
        assertThat(world.events.last(meeting.id(), "whiteboard.ops").payload()).contains("\"op\":\"CLEAR\"");
    }

    @Test
    void aLockedBoardTakesOnlyTheOperationsOfThoseRunningTheMeeting() {
        whiteboards.create(as(ann), null, ref);
        assertThatThrownBy(() -> whiteboards.lock(as(ann), ref, true))
                .isInstanceOf(AccessDeniedException.class).hasMessage("Only the host and co-hosts lock the whiteboard");

        BoardView locked = whiteboards.lock(as(host), ref, true);

        assertThat(locked.locked()).isTrue();
        assertThat(world.events.last(meeting.id(), "whiteboard.locked").payload()).isEqualTo("{\"locked\":true}");
        assertThatThrownBy(() -> whiteboards.update(as(ann), null, ref, batch(put("a1", "box", rect(10)))))
                .isInstanceOf(AccessDeniedException.class).hasMessage("The host has locked the whiteboard");
        assertThat(whiteboards.update(as(host), null, ref, batch(put("h1", "box", rect(10)))).seq()).isOne();
        assertThat(whiteboards.get(as(bob), null, ref).locked()).isTrue();

        whiteboards.lock(as(host), ref, false);
        BoardView open = whiteboards.update(as(ann), null, ref, batch(put("a1", "note", text("Hi"))));
        assertThat(open.locked()).isFalse();
        assertThat(objectIds(open)).containsExactly("box", "note");
    }

    @Test
    void anOperationMissingWhatItNeedsIsRefusedNamingItsPlaceInTheBatch() {
        whiteboards.create(as(ann), null, ref);

        assertThatThrownBy(() -> whiteboards.update(as(ann), null, ref, batch(put("a1", "box", null))))
                .isInstanceOf(InvalidInputException.class).hasMessage("ops[0]: PUT needs objectId and shape");
        assertThatThrownBy(() -> whiteboards.update(as(ann), null, ref, batch(put("a1", null, rect(1)))))
                .isInstanceOf(InvalidInputException.class).hasMessage("ops[0]: PUT needs objectId and shape");
        assertThatThrownBy(() -> whiteboards.update(as(ann), null, ref, batch(delete("a1", null))))
                .isInstanceOf(InvalidInputException.class).hasMessage("ops[0]: DELETE needs objectId");

        assertThat(boards.ops(boards.boards().get(0).id())).isEmpty();
        assertThat(eventsOf("whiteboard.ops")).isZero();
    }

    @Test
    void whileBreakoutRoomsAreOpenEachRoomDrawsOnItsOwnBoardAndOnlyItHearsOfIt() {
        whiteboards.create(as(host), null, ref);
        whiteboards.update(as(host), null, ref, batch(put("h1", "agenda", text("Agenda"))));
        UUID room1 = UUID.randomUUID();
        UUID room2 = UUID.randomUUID();
        meeting.assign(world.of(meeting, ann), room1);
        meeting.assign(world.of(meeting, bob), room2);
        meeting.openBreakouts(world.clock.instant(), null);

        BoardView annsRoom = whiteboards.create(as(ann), null, ref);
        assertThat(annsRoom.objects()).isEmpty();
        BoardView drawn = whiteboards.update(as(ann), null, ref, batch(put("a1", "idea", text("Idea"))));

        assertThat(objectIds(drawn)).containsExactly("idea");
        assertThat(boards.boards()).extracting(Whiteboard::roomId).containsExactly(null, room1);
        MeetingEvent ops = world.events.last(meeting.id(), "whiteboard.ops");
        assertThat(ops.payload()).contains("\"room\":\"" + room1 + "\"");
        assertThat(ops.isVisibleTo(idOf(ann), false, room1)).isTrue();
        assertThat(ops.isVisibleTo(idOf(bob), false, room2)).isFalse();
        assertThat(ops.isVisibleTo(idOf(host), true, null)).isTrue();
        assertThatThrownBy(() -> whiteboards.get(as(bob), null, ref))
                .isInstanceOf(NotFoundException.class).hasMessage("This meeting has no whiteboard yet");
        assertThat(objectIds(whiteboards.get(as(host), null, ref))).containsExactly("agenda");
    }

    @Test
    void theBoardExportsAsSvgInDrawingOrderWithItsTextEscaped() {
        whiteboards.create(as(ann), null, ref);
        whiteboards.update(as(ann), null, ref, batch(put("a1", "box", rect(10)), put("a2", "note", text("<b>&"))));

        String svg = new String(whiteboards.export(as(bob), null, ref, false), StandardCharsets.UTF_8);

        assertThat(svg).startsWith("<svg").endsWith("</svg>");
        assertThat(svg).contains("<rect x=\"10.0\" y=\"20.0\" width=\"100.0\" height=\"50.0\" stroke=\"#ff0000\"",
                ">&lt;b&gt;&amp;</text>");
        assertThat(svg.indexOf("stroke=\"#ff0000\"")).isLessThan(svg.indexOf("<text"));
        byte[] png = whiteboards.export(as(bob), null, ref, true);
        assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    }

    @Test
    void someoneNotInTheMeetingNeitherDrawsNorSeesTheBoard() {
        whiteboards.create(as(ann), null, ref);
        User eve = world.person("eve");

        assertThatThrownBy(() -> whiteboards.update(as(eve), null, ref, batch(put("e1", "x", rect(1)))))
                .isInstanceOf(NotFoundException.class).hasMessage("No such meeting, or it is not visible to you");
        assertThatThrownBy(() -> whiteboards.get(as(eve), null, ref))
                .isInstanceOf(NotFoundException.class).hasMessage("No such meeting, or it is not visible to you");
        assertThatThrownBy(() -> whiteboards.create(as(ann), null, UUID.randomUUID().toString()))
                .isInstanceOf(NotFoundException.class).hasMessage("No such meeting, or it is not visible to you");
        assertThat(boards.boards()).hasSize(1);
    }

    @Test
    void aGuestDrawsWithTheirTicketButDoesNotClearTheBoard() {
        Participation gus = world.guest(meeting, "Gus");
        String ticket = world.guestTicketOf(gus);
        whiteboards.create(null, ticket, ref);

        BoardView drawn = whiteboards.update(null, ticket, ref, batch(put("g1", "doodle", rect(5))));

        assertThat(objectIds(drawn)).containsExactly("doodle");
        assertThat(world.events.last(meeting.id(), "whiteboard.ops").payload()).contains("\"author\":\"" + gus.id() + "\"");
        assertThatThrownBy(() -> whiteboards.update(null, ticket, ref, batch(clear("g2"))))
                .isInstanceOf(AccessDeniedException.class).hasMessage("Only the host and co-hosts clear the whiteboard");
        assertThat(objectIds(whiteboards.get(null, ticket, ref))).containsExactly("doodle");
    }
}
