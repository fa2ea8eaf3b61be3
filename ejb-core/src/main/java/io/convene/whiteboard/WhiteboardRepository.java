package io.convene.whiteboard;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where the whiteboard context keeps boards and their operations ({@code persistence.JpaWhiteboardRepository}). */
public interface WhiteboardRepository {

    void add(Whiteboard board);

    void add(WhiteboardOp op);

    /**
     * The meeting's board, or a breakout room's ({@code room} not null); {@code forUpdate} locks its
     * row until the transaction ends, so that operations are numbered one at a time.
     */
    Optional<Whiteboard> board(UUID meetingId, UUID room, boolean forUpdate);

    /** Whether the author's operation with this id is on the board already. */
    boolean hasOp(UUID boardId, UUID authorId, String opId);

    /** The board's operations in their order. */
    List<WhiteboardOp> ops(UUID boardId);
}
