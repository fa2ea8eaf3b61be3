package io.convene.platform;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * Leases on periodic jobs, kept in PostgreSQL, so that a job every node schedules runs on one node
 * at a time: each tick asks for the job's lease first, and only its holder goes on. The holder
 * renews it at every tick; when the holder stops, the lease runs out and the next node to tick
 * takes it over. A lease longer than the time between ticks keeps the job on one node while it
 * lives; after a node fails, its jobs move within one lease ({@code persistence.SqlJobLeases}).
 */
public interface JobLeases {

    /** This JVM, as leases and logs name it: host and process. */
    String NODE = ManagementFactory.getRuntimeMXBean().getName();

    /** Whether this node holds (took or renewed) the job's lease for {@code length} from now. */
    boolean hold(String job, Duration length);

    /** Forgets the leases whose name starts with {@code prefix} that ran out longer than {@code ago} ago. */
    void forget(String prefix, Duration ago);
}
