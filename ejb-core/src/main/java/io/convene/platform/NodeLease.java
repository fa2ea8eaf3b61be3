package io.convene.platform;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.time.Duration;
import java.util.UUID;

/**
 * This node's own lease, "node &lt;id&gt;" among the {@link JobLeases}, renewed every 20 seconds
 * while it runs. Work a node runs alone (a recording) carries its {@link #id()}, new at every start
 * (a process id repeats in containers); once a crashed node's lease ran out ({@link #LAPSES_AFTER}),
 * the others, or the node started again, take that work up.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
public class NodeLease {

    @jakarta.ejb.EJB
    io.convene.platform.DatabaseReach database;

    /** Three renewals missed. */
    public static final Duration LAPSES_AFTER = Duration.ofSeconds(60);

    private static final String PREFIX = "node ";

    private final UUID id = UUID.randomUUID();

    @EJB
    JobLeases leases;

    @PostConstruct
    void take() {
        renew();
    }

    @Schedule(second = "*/20", minute = "*", hour = "*", persistent = false)
    void renew() {
        if (database.waiting("Renewing this node's lease")) {
            return;
        }
        leases.hold(job(id), LAPSES_AFTER);
        leases.forget(PREFIX, Duration.ofDays(1)); // nodes long gone
    }

    public UUID id() {
        return id;
    }

    /** The lease's name among the jobs'. */
    public static String job(UUID node) {
        return PREFIX + node;
    }
}
