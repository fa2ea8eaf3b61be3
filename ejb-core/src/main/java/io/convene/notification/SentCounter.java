package io.convene.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Counts notifications as they go out, per day and channel, in the transaction that sends them
 * (a rolled-back delivery counts nothing). Read by {@link SentVolume}.
 */
@ApplicationScoped
public class SentCounter {

    @PersistenceContext(unitName = "convene")
    EntityManager em;

    @Inject
    Clock clock;

    public void sent(Channel channel, int count) {
        if (count <= 0) {
            return;
        }
        em.createNativeQuery("""
                        insert into notification_volume (day, channel, sent) values (?1, ?2, ?3)
                        on conflict (day, channel) do update set sent = notification_volume.sent + excluded.sent""")
                .setParameter(1, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)).setParameter(2, channel.name())
                .setParameter(3, (long) count).executeUpdate();
    }
}
