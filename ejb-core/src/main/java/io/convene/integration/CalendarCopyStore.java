package io.convene.integration;

import java.util.Optional;
import java.util.UUID;

/**
 * Which event in a connected calendar is the copy of which meeting or series
 * ({@code persistence.SqlCalendarCopyStore}: {@code calendar_copies}, {@code calendar_series_copies}).
 */
public interface CalendarCopyStore {

    /** What a copy is of: a single meeting (or a series' meeting changed alone), or a whole series. */
    enum Of { MEETING, SERIES }

    /** The copy's id in the calendar, if there is one. */
    Optional<String> externalId(Of of, UUID key, UUID connectionId);

    /** The meeting or series whose copy in this calendar is {@code externalId}. */
    Optional<UUID> keyOf(Of of, UUID connectionId, String externalId);

    /** Records (or moves) the copy. */
    void put(Of of, UUID key, UUID connectionId, String externalId);

    void delete(Of of, UUID key, UUID connectionId);

    /** Forgets the copy with this id in the calendar (it was deleted there). */
    void forget(Of of, UUID connectionId, String externalId);

    /**
     * Records a calendar's event as the copy of the meeting just made from it ({@code MEETING}), or of
     * that meeting's series ({@code SERIES}); a copy already recorded for it is an error.
     */
    void adopted(Of of, UUID meetingId, UUID connectionId, String externalId);
}
