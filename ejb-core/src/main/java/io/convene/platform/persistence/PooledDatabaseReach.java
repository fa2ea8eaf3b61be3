package io.convene.platform.persistence;

import io.convene.platform.DatabaseReach;
import io.convene.platform.DatabaseSchema;
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

/** {@link DatabaseReach} on the server's pooled data source: one pooled connection, a round trip bounded to a few seconds. */
@Singleton
@Lock(LockType.READ)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PooledDatabaseReach implements DatabaseReach {

    private static final Logger LOG = Logger.getLogger(DatabaseReach.class.getName());
    private final Map<String, Long> waitingSince = new ConcurrentHashMap<>();

    static final int PATIENCE_SECONDS = 3;

    @Resource(lookup = DatabaseSchema.DATA_SOURCE)
    DataSource database;

    @Override
    public Optional<String> problem() {
        try (Connection c = database.getConnection()) {
            return c.isValid(PATIENCE_SECONDS) ? Optional.empty()
                    : Optional.of("PostgreSQL did not answer in " + PATIENCE_SECONDS + " s");
        } catch (SQLException | RuntimeException e) {
            return Optional.of(String.valueOf(e.getMessage()));
        }
    }

    @Override
    public boolean reachable() {
        return problem().isEmpty();
    }

    @Override
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
