package io.convene.meeting;

import java.time.Instant;
import java.util.List;

/**
 * The organisation's meetings as administrators look at them: what is live now and every meeting a
 * window at a time ({@code persistence.SqlMeetingOverview}: counted and paged by PostgreSQL).
 */
public interface MeetingOverview {

    /** A window of the listing: a phase, prefix words ({@code to_tsquery} form, or null), a start range (each end optional). */
    record Window(MeetingListing.Phase phase, String words, Instant from, Instant to, Instant now) {
    }

    /** Live meetings with someone in them, the fullest first. */
    List<LiveMeetings.Live> live();

    /** How many meetings, not cancelled, start in [from, to). */
    long startingBetween(Instant from, Instant to);

    List<MeetingListing.Row> page(Window window, int offset, int limit);

    long count(Window window);
}
