package io.convene.web.api;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;

/**
 * Names the service Convene depends on that a failure says is out of reach: the database (a
 * connection refused, cut or not allocated), the message broker, or some connection pool. Such a
 * failure is not a bug: the client is told to come back (503 with Retry-After), and the operator's
 * log gets one line, not a stack trace per request.
 */
public final class UnreachableService {

    private UnreachableService() {
    }

    public static Optional<String> causing(Throwable failure) {
        boolean allocation = false;
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLException sql && isConnectionState(sql.getSQLState())
                    || t instanceof java.net.ConnectException) {
                return Optional.of("database");
            }
            if (t instanceof jakarta.jms.JMSException || t instanceof jakarta.jms.JMSRuntimeException) {
                return Optional.of("message broker");
            }
            allocation |= t.getClass().getName().endsWith(".ResourceAllocationException")
                    || t.getClass().getName().endsWith(".PoolingException");
        }
        return allocation ? Optional.of("connection pool") : Optional.empty();
    }

    /** SQLSTATE class 08 (connection exception), 57P01-03 (the server shutting down or starting). */
    private static boolean isConnectionState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P0"));
    }
}
