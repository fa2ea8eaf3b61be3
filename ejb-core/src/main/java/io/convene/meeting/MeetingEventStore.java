package io.convene.meeting;

import java.util.List;
import java.util.UUID;

/**
 * Where a meeting's events are kept and announced ({@code persistence.JpaMeetingEventStore}: stored
 * in PostgreSQL and told to every node by NOTIFY, which is delivered only when the transaction commits).
 */
public interface MeetingEventStore {

    /** Stores the event in the caller's transaction and tells every node, once that commits, that the meeting has news. */
    void append(MeetingEvent event);

    /** The meeting's events after {@code afterSeq}, oldest first, at most {@code limit}. */
    List<MeetingEvent> after(UUID meetingId, long afterSeq, int limit);
}
