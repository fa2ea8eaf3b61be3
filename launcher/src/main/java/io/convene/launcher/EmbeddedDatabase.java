package io.convene.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * PostgreSQL from Maven Central (zonky's binaries), listening on 127.0.0.1, its data kept in a
 * folder between runs. Holds Convene's database and Keycloak's.
 */
final class EmbeddedDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final int port;

    private EmbeddedDatabase(EmbeddedPostgres postgres, int port) {
        this.postgres = postgres;
        this.port = port;
    }

    static EmbeddedDatabase start(Path dataDir, int port, boolean clean) {
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(clean)
                    .setPort(port)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .start();
            return new EmbeddedDatabase(pg, port);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start embedded PostgreSQL in " + dataDir, e);
        }
    }

    /** Creates the login role and its database unless they exist. */
    void ensureDatabase(String name, String user, String password) {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("select 1 from pg_roles where rolname = '" + user + "'")) {
                if (!r.next()) {
                    s.execute("create role " + user + " login password '" + password + "'");
                } else {
                    s.execute("alter role " + user + " password '" + password + "'");
                }
            }
            try (ResultSet r = s.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
                if (!r.next()) {
                    s.execute("create database " + name + " owner " + user);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare database " + name, e);
        }
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
