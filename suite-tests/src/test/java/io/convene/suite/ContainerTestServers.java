package io.convene.suite;

import io.convene.launcher.BrokerResources;
import io.convene.launcher.DatabaseResources;
import io.convene.launcher.EmbeddedBroker;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What the Arquillian container tests need besides Payara Micro, started once on the client and
 * stopped with the JVM: PostgreSQL, the Artemis broker, and the pre- and post-boot commands that
 * connect the Micro JVM to the database and the broker (written before it starts).
 */
final class ContainerTestServers {

    private static final String BROKER_PASSWORD = "container-tests";
    private static EmbeddedPostgres postgres;

    private ContainerTestServers() {
    }

    static synchronized void start() {
        if (postgres != null) {
            return;
        }
        int dbPort = Integer.parseInt(System.getProperty("convene.arq.db.port"));
        int brokerPort = Integer.parseInt(System.getProperty("convene.arq.broker.port"));
        Path target = Path.of(System.getProperty("convene.arq.postboot")).getParent();
        try {
            postgres = EmbeddedPostgres.builder().setPort(dbPort).setServerConfig("listen_addresses", "127.0.0.1").start();
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("create role convene login password 'convene'");
                s.execute("create database convene owner convene");
            }
            EmbeddedBroker broker = EmbeddedBroker.start(target.resolve("arquillian-broker"), brokerPort, "convene",
                    BROKER_PASSWORD);
            Path rar = Path.of(System.getProperty("convene.runtime.dir")).resolve(BrokerResources.RESOURCE_ADAPTER + ".rar");
            List<String> preboot = new ArrayList<>(List.of(
                    "set configs.config.server-config.hazelcast-config-specific-configuration.enabled=false",
                    "set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=127.0.0.1"));
            preboot.addAll(DatabaseResources.commands(2, 8));
            Files.write(Path.of(System.getProperty("convene.arq.preboot")), preboot);
            Files.write(Path.of(System.getProperty("convene.arq.postboot")),
                    BrokerResources.commands(rar, "127.0.0.1", brokerPort, "convene", BROKER_PASSWORD));
            EmbeddedPostgres started = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                broker.close();
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
