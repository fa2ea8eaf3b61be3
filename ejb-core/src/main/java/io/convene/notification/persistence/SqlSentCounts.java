package io.convene.notification.persistence;

import io.convene.notification.Channel;
import io.convene.notification.SentCounts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

/**
 * {@link SentCounts} in PostgreSQL: added to {@code notification_volume_slots}, read through the view
 * {@code notification_sent} (which also sums the table of the earlier version, for rolling upgrades).
 */
@ApplicationScoped
public class SqlSentCounts implements SentCounts {

    @PersistenceContext(unitName = "convene")
    private EntityManager em;

    @Override
    public void add(LocalDate day, Channel channel, int slot, long sent) {
        em.createNativeQuery("""
                        insert into notification_volume_slots (day, channel, slot, sent) values (?1, ?2, ?3, ?4)
                        on conflict (day, channel, slot) do update set sent = notification_volume_slots.sent + excluded.sent""")
                .setParameter(1, day).setParameter(2, channel.name()).setParameter(3, (short) slot).setParameter(4, sent)
                .executeUpdate();
    }

    @Override
    public List<Count> between(LocalDate first, LocalDate last) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select day, channel, sent from notification_sent where day between ?1 and ?2""")
                .setParameter(1, first).setParameter(2, last).getResultList();
        return rows.stream().map(r -> new Count(r[0] instanceof Date d ? d.toLocalDate() : (LocalDate) r[0],
                Channel.valueOf((String) r[1]), ((Number) r[2]).longValue())).toList();
    }
}
