package io.convene.integration;

import java.time.Instant;
import java.util.List;

/** Changes read from a calendar, and where to read on from next time. */
public record CalendarChanges(List<Change> changes, String nextSyncToken) {

    /**
     * One event as the calendar has it now: gone, or at this time; with its attendees' answers by
     * address (ACCEPTED, TENTATIVE or DECLINED; those who have not answered are left out). For an
     * event that is not a Convene meeting yet, what it says (title, text: location and description)
     * and whom it invites, so one marked as a Convene meeting can become one. For one occurrence of
     * a recurring event: the recurring event's id ({@code series}) and the occurrence's start as its
     * rule gives it ({@code originalStart}); both null otherwise. For a recurring event itself, its
     * RRULE ({@code rule}; null otherwise).
     */
    public record Change(String externalId, boolean cancelled, Instant start, Instant end, java.util.Map<String, String> answers,
                         String title, String text, String timeZone, java.util.List<String> attendees, String series,
                         Instant originalStart, String rule) {

        public Change {
            answers = answers == null ? java.util.Map.of() : java.util.Map.copyOf(answers);
            attendees = attendees == null ? java.util.List.of() : java.util.List.copyOf(attendees);
        }

        /** Whether it is one occurrence of a recurring event. */
        public boolean occurrence() {
            return series != null && originalStart != null;
        }

        /** Whether its title or text carries {@code marker} (any case). */
        public boolean marked(String marker) {
            String m = marker.toLowerCase(java.util.Locale.ROOT);
            return (title != null && title.toLowerCase(java.util.Locale.ROOT).contains(m))
                    || (text != null && text.toLowerCase(java.util.Locale.ROOT).contains(m));
        }
    }
}
