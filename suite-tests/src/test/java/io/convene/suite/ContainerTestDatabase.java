package io.convene.suite;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** The PostgreSQL of the Arquillian container tests, started once on the client, stopped with the JVM. */
final class ContainerTestDatabase {

    private static EmbeddedPostgres postgres;

    private ContainerTestDatabase() {
    }

    static synchronized void start(int port) {
        if (postgres != null) {
            return;
        }
        try {
            postgres = EmbeddedPostgres.builder().setPort(port).setServerConfig("listen_addresses", "127.0.0.1").start();
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("create role convene login password 'convene'");
                s.execute("create database convene owner convene");
            }
            EmbeddedPostgres started = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
