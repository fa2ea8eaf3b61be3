package io.convene.whiteboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BoardStateTest {

    private static final UUID ANN = UUID.randomUUID();
    private static final UUID BOB = UUID.randomUUID();
    private final List<WhiteboardOp> ops = new ArrayList<>();

    private void op(UUID author, String opId, WhiteboardOp.Kind kind, String object, String target, String shape) {
        ops.add(new WhiteboardOp(UUID.randomUUID(), ops.size() + 1, opId, author, kind, object, target, shape,
                Instant.EPOCH));
    }

    @Test
    void laterPutsWinDeletesRemoveClearEmpties() {
        op(ANN, "1", WhiteboardOp.Kind.PUT, "a", null, "{\"v\":1}");
        op(BOB, "1", WhiteboardOp.Kind.PUT, "b", null, "{\"v\":2}");
        op(BOB, "2", WhiteboardOp.Kind.PUT, "a", null, "{\"v\":3}");
        assertThat(BoardState.replay(ops)).containsExactly(
                java.util.Map.entry("a", "{\"v\":3}"), java.util.Map.entry("b", "{\"v\":2}"));

        op(ANN, "2", WhiteboardOp.Kind.DELETE, "b", null, null);
        assertThat(BoardState.replay(ops)).containsOnlyKeys("a");
        op(ANN, "3", WhiteboardOp.Kind.CLEAR, null, null, null);
        assertThat(BoardState.replay(ops)).isEmpty();
    }

    @Test
    void undoTakesBackOnlyTheAuthorsOwnOperation() {
        op(ANN, "1", WhiteboardOp.Kind.PUT, "a", null, "{\"v\":1}");
        op(BOB, "1", WhiteboardOp.Kind.PUT, "a", null, "{\"v\":2}");
        op(ANN, "2", WhiteboardOp.Kind.DELETE, "a", null, null);

        op(ANN, "3", WhiteboardOp.Kind.UNDO, null, "2", null);
        assertThat(BoardState.replay(ops)).containsEntry("a", "{\"v\":2}");

        op(BOB, "2", WhiteboardOp.Kind.UNDO, null, "1", null);
        assertThat(BoardState.replay(ops)).as("Bob's undo of his own op 1, not Ann's").containsEntry("a", "{\"v\":1}");
    }
}
