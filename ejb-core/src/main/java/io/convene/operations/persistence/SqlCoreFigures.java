package io.convene.operations.persistence;

import io.convene.operations.CoreFigures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** {@link CoreFigures} by one SQL count each. */
@ApplicationScoped
public class SqlCoreFigures implements CoreFigures {

    @PersistenceContext(unitName = "convene")
    private EntityManager em;

    @Override
    public long meetingsLive() {
        return figure("select count(*) from meetings where status = 'LIVE'").longValue();
    }

    @Override
    public long participantsPresent() {
        return figure("select count(*) from participations p join meetings m on m.id = p.meeting_id"
                + " where m.status = 'LIVE' and p.joined_at is not null and p.left_at is null").longValue();
    }

    @Override
    public long notificationsSent() {
        return figure("select coalesce(sum(sent), 0) from notification_sent").longValue();
    }

    @Override
    public long recordingBytes() {
        return figure("select coalesce(sum(size_bytes), 0) from recordings where status = 'READY'").longValue();
    }

    @Override
    public double lastDirectorySyncSeconds() {
        return figure("select coalesce((select extract(epoch from finished_at - started_at) from directory_runs"
                + " where state = 'SUCCEEDED' order by finished_at desc limit 1), 0)").doubleValue();
    }

    private Number figure(String sql) {
        return (Number) em.createNativeQuery(sql).getSingleResult();
    }
}
