package io.convene.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Payara Micro running the Convene WAR at the root context, HTTP on 127.0.0.1 only. Alone, its
 * clustering is off; as a node of a cluster, its data grid (Hazelcast) finds the others by a TCP
 * member list on 127.0.0.1 (no multicast). Configuration reaches the application as system
 * properties (MicroProfile Config). Pre-boot commands make the database's pool ({@link
 * DatabaseResources}, the PostgreSQL driver added to the server; pre-boot, because Payara Micro
 * resolves {@code ${...}} in post-boot commands, and the pool must keep the setting names) and its
 * listeners name no server ({@link HttpListeners}). Before the WAR, post-boot commands deploy
 * Artemis's resource adapter ({@link BrokerResources}); the broker's password reaches them through
 * the environment, not a file. Its JVM maps the classes an earlier start loaded ({@link ClassArchive},
 * kept beside the build's Payara Micro).
 */
final class PayaraMicroServer {

    private static final String PASSWORD_VARIABLE = "CONVENE_BROKER_PASSWORD";

    /**
     * One Payara Micro: its name (also its folder under the state folder and its log), its HTTP
     * port, and its cluster — null for a node on its own.
     */
    record Node(String name, int httpPort, Cluster cluster) {
        String url() {
            return "http://127.0.0.1:" + httpPort;
        }
    }

    /** A data grid: its name, this node's port in it, and every member's port (the TCP member list). */
    record Cluster(String name, int port, List<Integer> memberPorts) {
        String members() {
            return String.join(",", memberPorts.stream().map(p -> "127.0.0.1:" + p).toList());
        }
    }

    private PayaraMicroServer() {
    }

    /**
     * Starts Payara Micro and, while it boots, does {@code meanwhile} (the launcher waits for Keycloak
     * there: the two start side by side); then waits until Convene is ready. Payara is stopped if
     * either fails.
     */
    static ManagedProcess start(SuiteSettings settings, Map<String, String> config, Runnable meanwhile) {
        ManagedProcess payara = launch(settings, config, new Node("payara", settings.httpPort(), null), false);
        try {
            meanwhile.run();
            awaitReady(payara, settings.httpUrl());
        } catch (RuntimeException e) {
            payara.close();
            throw e;
        }
        return payara;
    }

    /** Started again after it exited: its log keeps what the last one wrote (why it stopped, above all). */
    static ManagedProcess restart(SuiteSettings settings, Map<String, String> config) {
        ManagedProcess payara = launch(settings, config, new Node("payara", settings.httpPort(), null), true);
        awaitReady(payara, settings.httpUrl());
        return payara;
    }

    /** Starts a node without waiting for it: several start side by side; then {@link #awaitReady}. */
    static ManagedProcess launch(SuiteSettings settings, Map<String, String> config, Node node, boolean again) {
        Path work = settings.stateDir().toAbsolutePath().resolve(node.name());
        Path rootDir = work.resolve("root");
        List<String> preboot = new ArrayList<>(List.of(
                "set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=127.0.0.1"));
        if (node.cluster() == null) {
            preboot.add("set configs.config.server-config.hazelcast-config-specific-configuration.enabled=false");
        }
        preboot.addAll(HttpListeners.anonymous("http-listener", "https-listener"));
        preboot.addAll(DatabaseResources.commands());
        if (Boolean.parseBoolean(SuiteSettings.setting("convene.http.trust-forwarded-proto",
                String.valueOf(settings.host() != null)))) { // behind the front door, HTTPS is what people use
            preboot.add(HttpListeners.schemeFromForwardedProto("http-listener"));
        }
        try {
            Folders.deleteRecursively(rootDir); // a stale root dir redeploys old applications
            Files.createDirectories(work);
            Files.write(work.resolve("preboot.asadmin"), preboot);
            LogFormat.write(work.resolve("logging.properties"),
                    LogFormat.chosen().payaraLoggingProperties(settings.runtimeDir().resolve("payara-micro.jar")));
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
        ClassArchive.Start classes = ClassArchive.prepare(runtime.resolve("class-archives"), "payara",
                runtime.resolve("payara-micro.jar"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + SuiteSettings.setting("convene.payara.heap", "512m"), "-Djava.awt.headless=true", "-Djava.io.tmpdir=" + work.toAbsolutePath(), HttpListeners.NO_PRODUCT_NAME,
                JsonProcessing.NAMED_PROVIDER));
        command.addAll(classes.options());
        command.addAll(List.of("-jar", runtime.resolve("payara-micro.jar").toString()));
        if (node.cluster() == null) {
            command.add("--nocluster");
        } else {
            command.addAll(List.of("--name", node.name(), "--clustername", node.cluster().name(),
                    "--clustermode", "tcpip:" + node.cluster().members(), "--interfaces", "127.0.0.1",
                    "--startport", String.valueOf(node.cluster().port())));
        }
        command.addAll(List.of(
                "--port", String.valueOf(node.httpPort()),
                "--rootdir", rootDir.toString(),
                "--prebootcommandfile", work.resolve("preboot.asadmin").toString(),
                "--logproperties", work.resolve("logging.properties").toString(),
                "--postbootcommandfile", work.resolve("postboot.asadmin").toString(),
                "--addlibs", DatabaseResources.addlibs(runtime),
                "--systemproperties", work.resolve("convene.properties").toString(),
                "--deploy", runtime.resolve("ROOT.war").toString()));
        String name = "Payara Micro (" + node.name() + ")";
        Map<String, String> environment = Map.of(PASSWORD_VARIABLE, settings.brokerPassword());
        Path log = settings.stateDir().resolve("logs/" + node.name() + ".log");
        ManagedProcess payara = again ? ManagedProcess.startAppending(name, command, environment, work, log)
                : ManagedProcess.start(name, command, environment, work, log);
        classes.adoptAfter(payara);
        return payara;
    }

    /**
     * Payara answers /health before the WAR is in, and the WAR's checks before its REST API serves:
     * waits for Convene's own checks, then for its API to refuse a call without a token as it does.
     */
    static void awaitReady(ManagedProcess payara, String url) {
        payara.awaitHttpOk(url + "/health/ready", "\"database\"", Duration.ofMinutes(4));
        payara.awaitHttp(url + "/api/meetings/upcoming", 401, "\"status\":401", Duration.ofMinutes(2));
    }
}
