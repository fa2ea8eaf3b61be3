package io.convene.notification;

import java.time.LocalDate;
import java.util.List;

/** How many notifications went out each day on each channel ({@code persistence.SqlSentCounts}). */
public interface SentCounts {

    /** One day's count on one channel. */
    record Count(LocalDate day, Channel channel, long sent) {
    }

    /** Adds to the day's count, in one of a few slots (so that concurrent deliveries do not wait for one row). */
    void add(LocalDate day, Channel channel, int slot, long sent);

    /** The counts of the days from {@code first} to {@code last}, both included. */
    List<Count> between(LocalDate first, LocalDate last);
}
