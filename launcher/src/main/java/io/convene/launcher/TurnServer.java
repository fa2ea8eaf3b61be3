package io.convene.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * coturn (Debian's {@code coturn}) as the suite's STUN/TURN server on 127.0.0.1, with the TURN REST
 * API scheme: Convene hands participants time-limited credentials made from the shared secret.
 * Started only when {@code turnserver} is installed; without it the suite runs and says TURN is off.
 */
final class TurnServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TurnServer.class.getName());
    private static final Path BINARY = Path.of("/usr/bin/turnserver");
    static final String REALM = "convene";

    private final ManagedProcess process;
    private final int port;
    private final String secret;

    private TurnServer(ManagedProcess process, int port, String secret) {
        this.process = process;
        this.port = port;
        this.secret = secret;
    }

    /** The started server, or null when coturn is not installed. */
    static TurnServer startIfInstalled(Path stateDir) {
        if (!Files.isExecutable(BINARY)) {
            LOG.warning("TURN is off: coturn is not installed (apt-get install coturn); clients get no relay");
            return null;
        }
        int port = SuiteSettings.freePort();
        int relays = SuiteSettings.freePort();
        String secret = SuiteSettings.randomSecret();
        Path dir = stateDir.toAbsolutePath().resolve("coturn"); // absolute: coturn runs in that folder
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        // the secret reaches coturn as an argument of a child process of ours, never a log line
        ManagedProcess process = ManagedProcess.start("coturn", List.of(BINARY.toString(), "-n",
                        "--listening-ip=127.0.0.1", "--relay-ip=" + relayIp(), "--listening-port=" + port,
                        "--min-port=" + relays, "--max-port=" + Math.min(65535, relays + 100),
                        "--use-auth-secret", "--static-auth-secret=" + secret, "--realm=" + REALM,
                        "--allow-loopback-peers", "--no-tls", "--no-dtls", "--no-cli", "--no-software-attribute",
                        "--userdb=" + dir.resolve("turndb"), "--pidfile=" + dir.resolve("turnserver.pid"),
                        "--simple-log", "--log-file=stdout"),
                Map.of(), dir, stateDir.resolve("logs").resolve("coturn.log"));
        TurnServer server = new TurnServer(process, port, secret);
        server.awaitListening(Duration.ofSeconds(20));
        return server;
    }

    /**
     * Where relayed media leaves coturn: 127.0.0.1, or the address {@code convene.turn.relay-ip}
     * names (the media tests name their namespace's veth, where Janus's candidates are).
     */
    private static String relayIp() {
        return SuiteSettings.setting("convene.turn.relay-ip", "127.0.0.1");
    }

    private void awaitListening(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        close();
        throw new IllegalStateException("coturn did not listen on 127.0.0.1:" + port + " within " + timeout);
    }

    /** What Convene needs to hand out ICE servers. */
    Map<String, String> applicationConfig() {
        return Map.of("convene.turn.urls", "turn:127.0.0.1:" + port + "?transport=udp,turn:127.0.0.1:" + port + "?transport=tcp",
                "convene.turn.secret", secret, "convene.stun.urls", "stun:127.0.0.1:" + port);
    }

    int port() {
        return port;
    }

    @Override
    public void close() {
        process.close();
    }
}
