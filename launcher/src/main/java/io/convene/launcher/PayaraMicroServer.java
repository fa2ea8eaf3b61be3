package io.convene.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Payara Micro running the Convene WAR at the root context, HTTP on 127.0.0.1 only, clustering off.
 * Configuration reaches the application as system properties (MicroProfile Config). Before the WAR,
 * post-boot commands deploy Artemis's resource adapter ({@link BrokerResources}); the broker's
 * password reaches them through the environment, not a file.
 */
final class PayaraMicroServer {

    private static final String PASSWORD_VARIABLE = "CONVENE_BROKER_PASSWORD";

    private PayaraMicroServer() {
    }

    static ManagedProcess start(SuiteSettings settings, Map<String, String> config) {
        Path work = settings.stateDir().toAbsolutePath().resolve("payara");
        Path rootDir = work.resolve("root");
        try {
            Folders.deleteRecursively(rootDir); // a stale root dir redeploys old applications
            Files.createDirectories(work);
            Files.write(work.resolve("preboot.asadmin"), List.of(
                    "set configs.config.server-config.hazelcast-config-specific-configuration.enabled=false",
                    "set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=127.0.0.1"));
            Files.write(work.resolve("postboot.asadmin"),
                    BrokerResources.commands(settings, "${ENV=" + PASSWORD_VARIABLE + "}"));
            Properties props = new Properties();
            props.putAll(config);
            Path file = work.resolve("convene.properties");
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (Writer out = Files.newBufferedWriter(file)) {
                props.store(out, "Convene configuration (MicroProfile Config); contains secrets");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path runtime = settings.runtimeDir().toAbsolutePath();
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Djava.awt.headless=true", "-Djava.io.tmpdir=" + work.toAbsolutePath(),
                "-jar", runtime.resolve("payara-micro.jar").toString(),
                "--nocluster",
                "--port", String.valueOf(settings.httpPort()),
                "--rootdir", rootDir.toString(),
                "--prebootcommandfile", work.resolve("preboot.asadmin").toString(),
                "--postbootcommandfile", work.resolve("postboot.asadmin").toString(),
                "--systemproperties", work.resolve("convene.properties").toString(),
                "--deploy", runtime.resolve("ROOT.war").toString());
        ManagedProcess payara = ManagedProcess.start("Payara Micro", command,
                Map.of(PASSWORD_VARIABLE, settings.brokerPassword()), work,
                settings.stateDir().resolve("logs/payara.log"));
        // Payara answers /health before the WAR is in: wait for Convene's own check
        payara.awaitHttpOk(settings.httpUrl() + "/health/ready", "\"database\"", Duration.ofMinutes(4));
        return payara;
    }
}
