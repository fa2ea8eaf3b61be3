package io.convene.meeting;

import java.time.Instant;
import java.util.UUID;

/** One line of a meeting list. */
public record MeetingSummary(UUID id, String code, String title, Instant start, Instant end, String timeZone,
                             MeetingStatus status, String hostName, boolean youHost) {

    static MeetingSummary of(Meeting m, boolean youHost) {
        return new MeetingSummary(m.id(), m.code(), m.title(), m.slot().start(), m.slot().end(),
                m.timeZone().getId(), m.status(), m.host().name(), youHost);
    }
}
