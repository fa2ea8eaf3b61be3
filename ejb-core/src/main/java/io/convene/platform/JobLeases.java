package io.convene.platform;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * Leases on periodic jobs, kept in PostgreSQL, so that a job every node schedules runs on one node
 * at a time: each tick asks for the job's lease first, and only its holder goes on. The holder
 * renews it at every tick; when the holder stops, the lease runs out and the next node to tick
 * takes it over. A lease longer than the time between ticks keeps the job on one node while it
 * lives; after a node fails, its jobs move within one lease.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class JobLeases {

    private static final Logger LOG = Logger.getLogger(JobLeases.class.getName());

    /** This JVM, as leases and logs name it: host and process. */
    public static final String NODE = ManagementFactory.getRuntimeMXBean().getName();

    @PersistenceContext(unitName = "convene")
    EntityManager em;

    /** Whether this node holds (took or renewed) the job's lease for {@code length} from now. */
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

    /** Forgets the leases whose name starts with {@code prefix} that ran out longer than {@code ago} ago. */
    public void forget(String prefix, Duration ago) {
        em.createNativeQuery("delete from job_leases where starts_with(job, ?1) and expires_at < clock_timestamp() - ?2 * interval '1 millisecond'")
                .setParameter(1, prefix).setParameter(2, ago.toMillis()).executeUpdate();
    }

    private String holder(String job) {
        return ((java.util.stream.Stream<?>) em.createNativeQuery("select holder from job_leases where job = ?1")
                .setParameter(1, job).getResultStream()).findFirst().map(String::valueOf).orElse(null);
    }
}
