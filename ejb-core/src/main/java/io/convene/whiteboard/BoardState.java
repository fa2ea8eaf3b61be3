package io.convene.whiteboard;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The board that a list of operations builds, replayed in order. An undone operation counts as if
 * it had never happened; undo only reaches one's own operations. Every client that applies the same
 * operations in the same order gets the same board: that is how concurrent editors converge.
 */
public final class BoardState {

    private BoardState() {
    }

    /** Object id to shape (JSON text), in the order objects were first put. */
    public static Map<String, String> replay(List<WhiteboardOp> ops) {
        Set<String> undone = new HashSet<>();
        for (WhiteboardOp op : ops) {
            if (op.kind() == WhiteboardOp.Kind.UNDO) {
                undone.add(key(op.authorId(), op.targetOp()));
            }
        }
        Map<String, String> objects = new LinkedHashMap<>();
        for (WhiteboardOp op : ops) {
            if (undone.contains(key(op.authorId(), op.opId()))) {
                continue;
            }
            switch (op.kind()) {
                case PUT -> objects.put(op.objectId(), op.shape());
                case DELETE -> objects.remove(op.objectId());
                case CLEAR -> objects.clear();
                case UNDO -> { }
            }
        }
        return objects;
    }

    private static String key(UUID author, String opId) {
        return author + "/" + opId;
    }
}
