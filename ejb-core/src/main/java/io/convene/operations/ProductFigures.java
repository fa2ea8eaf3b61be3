package io.convene.operations;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Figures read from the database when the metrics are scraped: the same on every node of a
 * cluster, so a dashboard takes one node's value (max), not the sum.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class ProductFigures {

    @PersistenceContext(unitName = "convene")
    EntityManager em;

    public double meetingsLive() {
        return figure("select count(*) from meetings where status = 'LIVE'");
    }

    /** Who is in a live meeting now: joined, not left. */
    public double participantsPresent() {
        return figure("select count(*) from participations p join meetings m on m.id = p.meeting_id"
                + " where m.status = 'LIVE' and p.joined_at is not null and p.left_at is null");
    }

    /** Notifications sent since the first start, every channel. */
    public double notificationsSent() {
        return figure("select coalesce(sum(sent), 0) from notification_sent");
    }

    /** Bytes of the recordings kept. */
    public double recordingBytes() {
        return figure("select coalesce(sum(size_bytes), 0) from recordings where status = 'READY'");
    }

    /** How long the latest directory synchronisation that succeeded took; 0 before the first. */
    public double lastDirectorySyncSeconds() {
        return figure("select coalesce((select extract(epoch from finished_at - started_at) from directory_runs"
                + " where state = 'SUCCEEDED' order by finished_at desc limit 1), 0)");
    }

    private double figure(String sql) {
        return ((Number) em.createNativeQuery(sql).getSingleResult()).doubleValue();
    }
}
