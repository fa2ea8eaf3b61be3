package io.convene.pool;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.TimeUnit;
import org.glassfish.api.jdbc.ConnectionValidation;

/**
 * The pool's check of a connection before it hands it out: one round trip ({@link Connection#isValid})
 * that waits at most {@value #CHECK_SECONDS} s, or the pool's statement timeout if one is set.
 *
 * <p>Payara's own JDBC 4 check passes no limit when the pool has no statement timeout, so the driver
 * waits its whole socket timeout, and the pool then checks the next idle connection: a database that
 * stalls (a hung disk, a paused machine) cost a call one socket timeout per idle connection before it
 * was refused. After a check has gone unanswered, the connections that were already open then are
 * given up at once for the next {@value #CHECK_SECONDS} s (they wait on the same silent server, or on
 * the same dead network path); a connection opened since has had the server answer its login, and is
 * checked as ever. Payara makes a new instance for every check, so what is remembered is static.
 */
public class BoundedConnectionCheck implements ConnectionValidation {

    static final int CHECK_SECONDS = 3;

    /** When each connection was first checked (by identity; forgotten with the connection). */
    private static final Map<Connection, Long> FIRST_CHECKED = Collections.synchronizedMap(new WeakHashMap<>());
    private static volatile long lastUnansweredAt = System.nanoTime() - TimeUnit.HOURS.toNanos(1);

    @Override
    public boolean isConnectionValid(Connection connection, int statementTimeoutSeconds) {
        int limit = statementTimeoutSeconds > 0 ? statementTimeoutSeconds : CHECK_SECONDS;
        long started = System.nanoTime();
        long firstChecked = FIRST_CHECKED.computeIfAbsent(connection, c -> started);
        long unanswered = lastUnansweredAt;
        if (started - unanswered < TimeUnit.SECONDS.toNanos(limit) && firstChecked < unanswered) {
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
