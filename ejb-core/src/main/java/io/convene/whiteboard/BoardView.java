package io.convene.whiteboard;

import jakarta.json.JsonObject;
import java.util.List;

/** The board now: its objects in drawing order, the seq of the last operation, whether it is locked. */
public record BoardView(long seq, boolean locked, List<BoardObject> objects) {

    public record BoardObject(String id, JsonObject shape) {
    }
}
