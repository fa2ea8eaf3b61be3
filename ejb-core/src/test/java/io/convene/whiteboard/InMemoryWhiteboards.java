package io.convene.whiteboard;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The whiteboard context's repository kept in lists, for unit tests: the same answers as
 * {@code persistence.JpaWhiteboardRepository}. The entities keep their meeting and board ids to
 * themselves (only the queries read those columns), so this reads them as JPA does, by their fields.
 */
final class InMemoryWhiteboards implements WhiteboardRepository {

    private final List<Whiteboard> boards = new ArrayList<>();
    private final List<WhiteboardOp> ops = new ArrayList<>();

    @Override
    public void add(Whiteboard board) {
        boards.add(board);
    }

    @Override
    public void add(WhiteboardOp op) {
        ops.add(op);
    }

    @Override
    public Optional<Whiteboard> board(UUID meetingId, UUID room, boolean forUpdate) {
        return boards.stream().filter(b -> column(b, "meetingId").equals(meetingId) && Objects.equals(b.roomId(), room))
                .findFirst();
    }

    @Override
    public boolean hasOp(UUID boardId, UUID authorId, String opId) {
        return ops.stream().anyMatch(o -> column(o, "boardId").equals(boardId) && o.authorId().equals(authorId)
                && o.opId().equals(opId));
    }

    @Override
    public List<WhiteboardOp> ops(UUID boardId) {
        return ops.stream().filter(o -> column(o, "boardId").equals(boardId))
                .sorted(Comparator.comparingLong(WhiteboardOp::seq)).toList();
    }

    List<Whiteboard> boards() {
        return List.copyOf(boards);
    }

    // A fake repository reads the columns the entities have no accessors for, as JPA does (by their fields).
    private static Object column(Object entity, String field) {
        try {
            Field f = entity.getClass().getDeclaredField(field);
            f.setAccessible(true);
            return f.get(entity);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(entity.getClass().getSimpleName() + " has no field " + field, e);
        }
    }
}
