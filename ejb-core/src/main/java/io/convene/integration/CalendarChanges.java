package io.convene.integration;

import java.time.Instant;
import java.util.List;

/** Changes read from a calendar, and where to read on from next time. */
public record CalendarChanges(List<Change> changes, String nextSyncToken) {

    /**
     * One event as the calendar has it now: gone, or at this time; with its attendees' answers by
     * address (ACCEPTED, TENTATIVE or DECLINED; those who have not answered are left out).
     */
    public record Change(String externalId, boolean cancelled, Instant start, Instant end, java.util.Map<String, String> answers) {

        public Change {
            answers = answers == null ? java.util.Map.of() : java.util.Map.copyOf(answers);
        }
    }
}
