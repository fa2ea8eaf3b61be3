package io.convene.suite;

import io.convene.launcher.Folders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.stream.Stream;

/**
 * A throw-away Payara Server domain for the EAR smoke test: every listener on 127.0.0.1, Hazelcast
 * and the embedded JMS broker off, Convene's configuration as JVM options.
 */
final class PayaraServerDomain implements AutoCloseable {

    private final Path home;
    private final Path domainDir;
    private final int portBase;

    private PayaraServerDomain(Path home, Path domainDir, int portBase) {
        this.home = home;
        this.domainDir = domainDir;
        this.portBase = portBase;
    }

    /** @param libraries jars for the server's class path (its {@code lib} folder: JDBC drivers) */
    static PayaraServerDomain create(Path home, Path domainDir, Map<String, String> systemProperties, Path... libraries) {
        int portBase = freePortBase();
        PayaraServerDomain domain = new PayaraServerDomain(home, domainDir, portBase);
        try {
            Folders.deleteRecursively(domainDir);
            Files.createDirectories(domainDir);
            domain.asadmin(false, "create-domain", "--nopassword=true", "--portbase", String.valueOf(portBase),
                    "--domaindir", domainDir.toString(), "convene");
            Path xml = domainDir.resolve("convene/config/domain.xml");
            Files.writeString(xml, localOnly(Files.readString(xml), systemProperties));
            for (Path library : libraries) {
                Files.copy(library, domainDir.resolve("convene/lib").resolve(library.getFileName()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return domain;
    }

    /** Binds every listener to loopback, turns off Hazelcast and the JMS broker, adds JVM options. */
    static String localOnly(String xml, Map<String, String> systemProperties) {
        String s = xml.replace("address=\"0.0.0.0\"", "address=\"127.0.0.1\"")
                .replaceAll("<network-listener (?![^>]*address=)", "<network-listener address=\"127.0.0.1\" ")
                .replaceFirst("<hazelcast-config-specific-configuration", "<hazelcast-config-specific-configuration enabled=\"false\"")
                .replaceFirst("(<jms-service [^>]*)type=\"EMBEDDED\"", "$1type=\"DISABLED\"");
        StringBuilder options = new StringBuilder();
        systemProperties.forEach((k, v) -> options.append("\n        <jvm-options>-D").append(k).append('=')
                .append(v.replace("&", "&amp;").replace("<", "&lt;")).append("</jvm-options>"));
        int javaConfig = s.indexOf("<java-config");
        int end = s.indexOf('>', javaConfig) + 1;
        return s.substring(0, end) + Matcher.quoteReplacement(options.toString()) + s.substring(end);
    }

    void start() {
        asadmin(false, "start-domain", "--domaindir", domainDir.toString(), "convene");
    }

    void deploy(Path ear) {
        asadmin(true, "deploy", ear.toString());
    }

    /** Runs asadmin commands written as one line each (values without spaces). */
    void run(List<String> commands) {
        commands.forEach(c -> asadmin(true, c.split(" ")));
    }

    String httpUrl() {
        return "http://127.0.0.1:" + (portBase + 80);
    }

    Path serverLog() {
        return domainDir.resolve("convene/logs/server.log");
    }

    @Override
    public void close() {
        asadmin(false, "stop-domain", "--domaindir", domainDir.toString(), "convene");
    }

    private void asadmin(boolean remote, String... args) {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/asadmin").toString()));
        if (remote) {
            command.addAll(List.of("--port", String.valueOf(portBase + 48)));
        }
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", args) + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A port base whose listeners (+0..+99) are free as far as the ones Payara uses go. */
    private static int freePortBase() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = 20_000 + 100 * ThreadLocalRandom.current().nextInt(300);
            if (Stream.of(48, 80, 81, 37, 38, 39, 86, 66, 9, 49, 59).allMatch(offset -> free(base + offset))) {
                return base;
            }
        }
        throw new IllegalStateException("No free port base");
    }

    private static boolean free(int port) {
        try (ServerSocket s = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
