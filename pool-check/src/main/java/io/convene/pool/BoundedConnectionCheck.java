package io.convene.pool;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.glassfish.api.jdbc.ConnectionValidation;

/**
 * The pool's check of a connection before it hands it out: one round trip ({@link Connection#isValid})
 * that waits at most {@value #CHECK_SECONDS} s, or the pool's statement timeout if one is set.
 *
 * <p>Payara's own JDBC 4 check passes no limit when the pool has no statement timeout, so the driver
 * waits its whole socket timeout, and the pool then checks the next idle connection: a database that
 * stalls (a hung disk, a paused machine) cost a call one socket timeout per idle connection before it
 * was refused. After a check has gone unanswered, further checks during the next
 * {@value #CHECK_SECONDS} s fail at once: their connections wait on the same silent server, and the
 * pool replaces them with new ones, which the driver's login timeout bounds.
 */
public class BoundedConnectionCheck implements ConnectionValidation {

    static final int CHECK_SECONDS = 3;

    private static volatile long lastUnansweredAt = System.nanoTime() - TimeUnit.HOURS.toNanos(1);

    @Override
    public boolean isConnectionValid(Connection connection, int statementTimeoutSeconds) {
        int limit = statementTimeoutSeconds > 0 ? statementTimeoutSeconds : CHECK_SECONDS;
        long started = System.nanoTime();
        if (started - lastUnansweredAt < TimeUnit.SECONDS.toNanos(limit)) {
            return false;
        }
        try {
            if (connection.isValid(limit)) {
                return true;
            }
        } catch (SQLException e) {
            return false;
        }
        if (System.nanoTime() - started >= TimeUnit.SECONDS.toNanos(limit) - TimeUnit.MILLISECONDS.toNanos(100)) {
            lastUnansweredAt = System.nanoTime();
        }
        return false;
    }
}
