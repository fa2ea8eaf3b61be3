package io.convene.notification.persistence;

import io.convene.personaldata.Erasure;
import io.convene.personaldata.ExportRows;
import io.convene.personaldata.ExportSink;
import io.convene.personaldata.PersonalDataKeeper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Tuple;
import java.util.List;
import java.util.UUID;
import io.convene.personaldata.RetentionRun;
import java.time.Instant;

/** The notifications a person was sent and the ones they chose to receive. */
@ApplicationScoped
public class NotificationPersonalData implements PersonalDataKeeper {

    @PersistenceContext(unitName = "convene")
    private EntityManager em;

    @Override
    public int order() {
        return 60;
    }

    @Override
    public void export(UUID personId, ExportSink out) throws java.io.IOException {
        out.section("notifications", "Notifications Convene sent you", rows("""
                select id, kind, meeting_id, message, sent_at, read_at from notifications where user_id = ?1 order by sent_at""",
                personId));
        out.section("consents", "Which notifications you chose to receive, by channel", rows("""
                select channel, topic, wanted from notification_choices where user_id = ?1 order by channel, topic""", personId));
    }

    @Override
    public void erase(Erasure erasure) {
        UUID personId = erasure.person().id();
        erasure.erased("notifications", update("delete from notifications where user_id = ?1", personId));
        erasure.erased("notification-choices", update("delete from notification_choices where user_id = ?1", personId));
    }

    @Override
    public void purge(RetentionRun run) {
        Instant before = run.before(run.ages().notificationDays());
        if (before == null) {
            return;
        }
        run.counted("notifications", ((Number) em.createNativeQuery("select count(*) from notifications where sent_at < ?1")
                .setParameter(1, before).getSingleResult()).intValue());
        if (run.purging()) {
            em.createNativeQuery("delete from notifications where sent_at < ?1").setParameter(1, before).executeUpdate();
        }
    }

    private JsonArray rows(String sql, UUID personId) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery(sql, Tuple.class).setParameter(1, personId).getResultList();
        return ExportRows.json(rows);
    }

    private int update(String sql, UUID personId) {
        return em.createNativeQuery(sql).setParameter(1, personId).executeUpdate();
    }
}
