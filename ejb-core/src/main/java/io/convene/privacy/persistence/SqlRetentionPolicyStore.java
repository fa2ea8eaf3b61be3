package io.convene.privacy.persistence;

import io.convene.personaldata.RetentionRun;
import io.convene.privacy.Retention;
import io.convene.privacy.RetentionPolicyStore;
import io.convene.shared.Jsons;
import io.convene.shared.NativeValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@link RetentionPolicyStore} in PostgreSQL: the policy is the one row of {@code retention_policy}. */
@ApplicationScoped
public class SqlRetentionPolicyStore implements RetentionPolicyStore {

    @PersistenceContext(unitName = "convene")
    private EntityManager em;

    @Override
    public Retention.Policy read() {
        Object[] r = (Object[]) em.createNativeQuery("""
                select chat_days, notification_days, meeting_log_days, recording_days, last_purge_at, cast(last_purge as text)
                from retention_policy where id = 1""").getSingleResult();
        Map<String, Integer> last = new LinkedHashMap<>();
        if (r[5] != null) {
            Jsons.createReader(new java.io.StringReader((String) r[5])).readObject()
                    .forEach((k, v) -> last.put(k, ((jakarta.json.JsonNumber) v).intValue()));
        }
        return new Retention.Policy((Integer) r[0], (Integer) r[1], (Integer) r[2], (Integer) r[3], NativeValues.instant(r[4]), last);
    }

    @Override
    public void change(RetentionRun.Ages ages) {
        em.createNativeQuery("""
                        update retention_policy set chat_days = ?1, notification_days = ?2, meeting_log_days = ?3,
                                                    recording_days = ?4 where id = 1""")
                .setParameter(1, ages.chatDays()).setParameter(2, ages.notificationDays())
                .setParameter(3, ages.meetingLogDays()).setParameter(4, ages.recordingDays()).executeUpdate();
    }

    @Override
    public void purged(Instant at, Map<String, Integer> counts) {
        var json = Jsons.createObjectBuilder();
        counts.forEach(json::add);
        em.createNativeQuery("update retention_policy set last_purge_at = ?1, last_purge = cast(?2 as jsonb) where id = 1")
                .setParameter(1, at).setParameter(2, json.build().toString()).executeUpdate();
    }
}
