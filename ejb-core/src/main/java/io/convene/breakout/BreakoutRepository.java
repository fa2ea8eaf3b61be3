package io.convene.breakout;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where the breakout context keeps a meeting's rooms ({@code persistence.JpaBreakoutRepository} in PostgreSQL). */
public interface BreakoutRepository {

    /** The meeting's rooms in their order. */
    List<BreakoutRoom> ofMeeting(UUID meetingId);

    Optional<BreakoutRoom> byId(UUID roomId);

    /**
     * The meeting's rooms from now on: the earlier ones go. Whoever was in one must have been taken
     * out of it first (in this transaction).
     */
    void replace(UUID meetingId, List<BreakoutRoom> rooms);
}
