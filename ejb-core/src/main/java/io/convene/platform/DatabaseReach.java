package io.convene.platform;

import jakarta.annotation.Resource;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Whether PostgreSQL answers now, asked outside any transaction (a failed check marks nobody's
 * transaction for rollback): one pooled connection and a round trip bounded to a few seconds.
 * Clocks ask it before each tick ({@link #waiting}), so an outage costs one log line per clock, not a
 * stack trace per tick.
 */
@Singleton
@Lock(LockType.READ)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DatabaseReach {

    private static final Logger LOG = Logger.getLogger(DatabaseReach.class.getName());
    private final Map<String, Long> waitingSince = new ConcurrentHashMap<>();

    static final int PATIENCE_SECONDS = 3;

    @Resource(lookup = DatabaseMigration.DATA_SOURCE)
    DataSource database;

    /** Empty when PostgreSQL answered; else what went wrong, in words. */
    public Optional<String> problem() {
        try (Connection c = database.getConnection()) {
            return c.isValid(PATIENCE_SECONDS) ? Optional.empty()
                    : Optional.of("PostgreSQL did not answer in " + PATIENCE_SECONDS + " s");
        } catch (SQLException | RuntimeException e) {
            return Optional.of(String.valueOf(e.getMessage()));
        }
    }

    public boolean reachable() {
        return problem().isEmpty();
    }

    /**
     * For a clock's tick: true while the database is out of reach (the tick is skipped), said once
     * per outage and clock, and once more when it is back.
     *
     * @param what what the clock does, as the log should say it ("Sending reminders")
     */
    public boolean waiting(String what) {
        Optional<String> problem = problem();
        if (problem.isPresent()) {
            if (waitingSince.putIfAbsent(what, System.nanoTime()) == null) {
                LOG.warning(() -> what + " waits for the database (" + problem.get() + "); said once until it is back");
            }
            return true;
        }
        Long since = waitingSince.remove(what);
        if (since != null) {
            LOG.info(() -> what + " goes on: the database is back after " + (System.nanoTime() - since) / 1_000_000_000 + " s");
        }
        return false;
    }
}
