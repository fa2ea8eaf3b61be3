package io.convene.whiteboard;

import io.convene.meeting.Attendees;
import io.convene.meeting.EventAudience;
import io.convene.meeting.Meeting;
import io.convene.meeting.MeetingEventLog;
import io.convene.meeting.MeetingRepository;
import io.convene.meeting.MeetingService;
import io.convene.meeting.Participation;
import io.convene.shared.AccessDeniedException;
import io.convene.shared.Caller;
import io.convene.shared.InvalidInputException;
import io.convene.shared.NotFoundException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import io.convene.shared.Jsons;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The meeting's whiteboard ({@code POST .../whiteboard/create}, {@code PUT .../whiteboard/update}):
 * operations from everyone are numbered under the board's row lock into one order, stored, and
 * announced on the channel; every client applying them in that order draws the same board.
 */
@Stateless
public class Whiteboards {

    @Inject
    WhiteboardRepository boards;

    @Inject
    MeetingRepository meetings;

    @Inject
    Attendees attendees;

    @Inject
    MeetingEventLog events;

    @Inject
    Clock clock;

    public BoardView create(Caller caller, String guestTicket, String reference) {
        Meeting meeting = meetings.lockedByReference(reference).orElseThrow(MeetingService::notFound);
        Participation me = attendees.of(meeting, caller, guestTicket);
        meeting.requireInMeeting(me);
        UUID room = roomOf(meeting, me);
        Whiteboard board = board(meeting, room, false).orElseGet(() -> {
            Whiteboard created = new Whiteboard(meeting.id(), room, clock.instant());
            boards.add(created);
            announce(meeting, created, "whiteboard.created", Jsons.createObjectBuilder());
            return created;
        });
        return view(board);
    }

    /** Applies the operations in order; a resent operation (same opId by the same author) only once. */
    public BoardView update(Caller caller, String guestTicket, String reference, BoardOps ops) {
        Meeting meeting = meetings.lockedByReference(reference).orElseThrow(MeetingService::notFound);
        Participation me = attendees.of(meeting, caller, guestTicket);
        meeting.requireInMeeting(me);
        Whiteboard board = board(meeting, roomOf(meeting, me), true)
                .orElseThrow(() -> new NotFoundException("This meeting has no whiteboard yet"));
        if (board.isLocked() && !me.isHostOrCoHost()) {
            throw new AccessDeniedException("The host has locked the whiteboard");
        }
        JsonArrayBuilder applied = Jsons.createArrayBuilder();
        long from = board.lastSeq() + 1;
        for (int i = 0; i < ops.ops().size(); i++) {
            BoardOpInput in = ops.ops().get(i);
            if (alreadyApplied(board, me, in.opId())) {
                continue;
            }
            WhiteboardOp op = toOp(board, me, in, i);
            boards.add(op);
            applied.add(json(op));
        }
        if (board.lastSeq() >= from) {
            announce(meeting, board, "whiteboard.ops", Jsons.createObjectBuilder().add("fromSeq", from)
                    .add("toSeq", board.lastSeq()).add("ops", applied));
        }
        return view(board);
    }

    public BoardView lock(Caller caller, String reference, boolean locked) {
        Meeting meeting = meetings.lockedByReference(reference).orElseThrow(MeetingService::notFound);
        Participation me = attendees.runningIt(meeting, caller, "Only the host and co-hosts lock the whiteboard");
        Whiteboard board = board(meeting, roomOf(meeting, me), true)
                .orElseThrow(() -> new NotFoundException("This meeting has no whiteboard yet"));
        board.lock(locked);
        announce(meeting, board, "whiteboard.locked", Jsons.createObjectBuilder().add("locked", locked));
        return view(board);
    }

    public BoardView get(Caller caller, String guestTicket, String reference) {
        return view(readable(caller, guestTicket, reference));
    }

    /** The board as SVG text or PNG bytes. */
    public byte[] export(Caller caller, String guestTicket, String reference, boolean png) {
        List<Shape> shapes = BoardState.replay(ops(readable(caller, guestTicket, reference))).values().stream()
                .map(Shape::fromJson).toList();
        return png ? BoardRenderer.png(shapes) : BoardRenderer.svg(shapes).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private Whiteboard readable(Caller caller, String guestTicket, String reference) {
        Meeting meeting = meetings.byReference(reference).orElseThrow(MeetingService::notFound);
        Participation me = attendees.seeing(meeting, caller, guestTicket);
        return board(meeting, roomOf(meeting, me), false)
                .orElseThrow(() -> new NotFoundException("This meeting has no whiteboard yet"));
    }

    /** While breakout rooms are open, each room draws on its own board. */
    private static UUID roomOf(Meeting meeting, Participation me) {
        return meeting.breakoutsOpen() ? me.roomId() : null;
    }

    private void announce(Meeting meeting, Whiteboard board, String type, JsonObjectBuilder payload) {
        if (board.roomId() == null) {
            events.record(meeting, type, payload, EventAudience.ALL, null);
        } else {
            events.recordForRoom(meeting, type, payload.add("room", board.roomId().toString()), board.roomId());
        }
    }

    private WhiteboardOp toOp(Whiteboard board, Participation me, BoardOpInput in, int index) {
        String field = "ops[" + index + "]";
        switch (in.op()) {
            case PUT -> {
                if (in.objectId() == null || in.shape() == null) {
                    throw new InvalidInputException(field, "PUT needs objectId and shape");
                }
            }
            case DELETE -> {
                if (in.objectId() == null) {
                    throw new InvalidInputException(field, "DELETE needs objectId");
                }
            }
            case UNDO -> {
                if (in.target() == null || !alreadyApplied(board, me, in.target())) {
                    throw new InvalidInputException(field, "UNDO needs the opId of one of your own operations");
                }
            }
            case CLEAR -> {
                if (!me.isHostOrCoHost()) {
                    throw new AccessDeniedException("Only the host and co-hosts clear the whiteboard");
                }
            }
        }
        return new WhiteboardOp(board.id(), board.nextSeq(), in.opId(), me.id(), in.op(), in.objectId(), in.target(),
                in.shape() == null ? null : in.shape().toJson(), clock.instant());
    }

    private boolean alreadyApplied(Whiteboard board, Participation author, String opId) {
        return boards.hasOp(board.id(), author.id(), opId);
    }

    private Optional<Whiteboard> board(Meeting meeting, UUID room, boolean lock) {
        return boards.board(meeting.id(), room, lock);
    }

    private List<WhiteboardOp> ops(Whiteboard board) {
        return boards.ops(board.id());
    }

    private BoardView view(Whiteboard board) {
        Map<String, String> objects = BoardState.replay(ops(board));
        return new BoardView(board.lastSeq(), board.isLocked(), objects.entrySet().stream().map(e -> {
            try (JsonReader r = Jsons.createReader(new StringReader(e.getValue()))) {
                return new BoardView.BoardObject(e.getKey(), r.readObject());
            }
        }).toList());
    }

    private static JsonObjectBuilder json(WhiteboardOp op) {
        JsonObjectBuilder b = Jsons.createObjectBuilder().add("seq", op.seq()).add("opId", op.opId())
                .add("author", op.authorId().toString()).add("op", op.kind().name());
        if (op.objectId() != null) {
            b.add("objectId", op.objectId());
        }
        if (op.targetOp() != null) {
            b.add("target", op.targetOp());
        }
        if (op.shape() != null) {
            try (JsonReader r = Jsons.createReader(new StringReader(op.shape()))) {
                b.add("shape", r.readObject());
            }
        }
        return b;
    }
}
