package org.glassfish.api.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Payara's contract for a pool's custom connection validation, with the signature Payara 6 calls
 * ({@code glassfish-api}, which is not published to Maven Central). Only compiled against: the jar
 * leaves it out and the server's own interface is the one that loads.
 */
public interface ConnectionValidation {

    boolean isConnectionValid(Connection connection, int statementTimeoutSeconds) throws SQLException;
}
