package io.convene.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
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

    @PersistenceContext(unitName = "convene")
    EntityManager em;

    @Inject
    Clock clock;

    public void sent(Channel channel, int count) {
        if (count <= 0) {
            return;
        }
        em.createNativeQuery("""
                        insert into notification_volume_slots (day, channel, slot, sent) values (?1, ?2, ?3, ?4)
                        on conflict (day, channel, slot) do update set sent = notification_volume_slots.sent + excluded.sent""")
                .setParameter(1, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)).setParameter(2, channel.name())
                .setParameter(3, (short) ThreadLocalRandom.current().nextInt(SLOTS)).setParameter(4, (long) count).executeUpdate();
    }
}
