package io.convene.platform.persistence;

import io.convene.platform.JobLeases;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.logging.Logger;

/** {@link JobLeases} in PostgreSQL's {@code job_leases}, each step in a transaction of its own. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class SqlJobLeases implements JobLeases {

    private static final Logger LOG = Logger.getLogger(JobLeases.class.getName());

    @PersistenceContext(unitName = "convene")
    EntityManager em;

    @Override
    public boolean hold(String job, Duration length) {
        String before = holder(job);
        boolean held = !em.createNativeQuery("""
                        insert into job_leases (job, holder, expires_at)
                        values (?1, ?2, clock_timestamp() + ?3 * interval '1 millisecond')
                        on conflict (job) do update set holder = excluded.holder, expires_at = excluded.expires_at
                        where job_leases.holder = excluded.holder or job_leases.expires_at < clock_timestamp()
                        returning holder""")
                .setParameter(1, job).setParameter(2, NODE).setParameter(3, length.toMillis()).getResultList().isEmpty();
        if (held && !NODE.equals(before)) {
            LOG.info(() -> "This node (" + NODE + ") now runs the job '" + job + "'"
                    + (before == null ? "" : " (its lease with " + before + " ran out)"));
        }
        return held;
    }

    @Override
    public void forget(String prefix, Duration ago) {
        em.createNativeQuery("delete from job_leases where starts_with(job, ?1) and expires_at < clock_timestamp() - ?2 * interval '1 millisecond'")
                .setParameter(1, prefix).setParameter(2, ago.toMillis()).executeUpdate();
    }

    private String holder(String job) {
        return ((java.util.stream.Stream<?>) em.createNativeQuery("select holder from job_leases where job = ?1")
                .setParameter(1, job).getResultStream()).findFirst().map(String::valueOf).orElse(null);
    }
}
