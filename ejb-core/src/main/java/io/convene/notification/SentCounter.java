package io.convene.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Counts notifications as they go out, per day and channel, in the transaction that sends them
 * (a rolled-back delivery counts nothing). Read by {@link SentVolume} through the view
 * {@code notification_sent}. Each day and channel is spread over {@value #SLOTS} rows of
 * {@code notification_volume_slots}, one picked at random per delivery, which the view sums (with
 * what earlier versions counted in {@code notification_volume}): on a single row, every delivery
 * held the row's lock until its commit and concurrent ones queued behind it.
 */
@ApplicationScoped
public class SentCounter {

    static final int SLOTS = 16;

    @Inject
    SentCounts counts;

    @Inject
    Clock clock;

    public void sent(Channel channel, int count) {
        if (count <= 0) {
            return;
        }
        counts.add(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), channel, ThreadLocalRandom.current().nextInt(SLOTS),
                count);
    }
}
