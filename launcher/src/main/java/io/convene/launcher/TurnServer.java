package io.convene.launcher;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * coturn (Debian's {@code coturn}) as the suite's STUN/TURN server on 127.0.0.1, with the TURN REST
 * API scheme: Convene hands participants time-limited credentials made from the shared secret.
 * Relays reach public addresses and the media server's, never this machine's loopback or private
 * networks, and only over UDP ({@code docs/media.md}). Configured by a file in the state folder
 * (readable by its owner only: it holds the secret). Started only when {@code turnserver} is
 * installed; without it the suite runs and says TURN is off.
 */
final class TurnServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TurnServer.class.getName());
    private static final Path BINARY = Path.of("/usr/bin/turnserver");
    static final String REALM = "convene";

    private final ManagedProcess process;
    private final int port;
    /** TURN over TLS (with a host name's certificate), or 0. */
    private final int tlsPort;
    private final String secret;
    /** The name browsers reach it by, and the address it takes connections on here. */
    private final String name;
    private final String listening;

    private TurnServer(ManagedProcess process, int port, int tlsPort, String secret, String name, String listening) {
        this.process = process;
        this.port = port;
        this.tlsPort = tlsPort;
        this.secret = secret;
        this.name = name;
        this.listening = listening;
    }

    /**
     * Peers no relay may reach (coturn's {@code a-b} ranges): the server's own loopback, "this
     * network", private (10/8, 172.16/12, 192.168/16, fc00::/7), shared (100.64/10), link-local
     * (169.254/16 with cloud metadata, fe80::/10), reserved, IPv4-mapped and NAT64 IPv6. Multicast is
     * refused by {@code no-multicast-peers}.
     */
    static final List<String> DENIED_PEERS = List.of(
            "0.0.0.0-0.255.255.255", "10.0.0.0-10.255.255.255", "100.64.0.0-100.127.255.255",
            "127.0.0.0-127.255.255.255", "169.254.0.0-169.254.255.255", "172.16.0.0-172.31.255.255",
            "192.0.0.0-192.0.0.255", "192.168.0.0-192.168.255.255", "198.18.0.0-198.19.255.255",
            "240.0.0.0-255.255.255.255", "::1", "::ffff:0.0.0.0-::ffff:255.255.255.255", "64:ff9b::-64:ff9b::ffff:ffff",
            "fc00::-fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "fe80::-febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff");

    /**
     * The started server, or null when coturn is not installed.
     *
     * @param host        the public host name browsers reach it by (null: 127.0.0.1 only)
     * @param listenOn    where it listens for them (0.0.0.0: every address)
     * @param certificate the host name's certificate: TURN over TLS too, on {@code convene.turn.tls-port}
     *                    (5349), for networks that let nothing but TLS out; null: none
     */
    static TurnServer startIfInstalled(Path stateDir, String host, String listenOn, TlsCertificate certificate) {
        if (!Files.isExecutable(BINARY)) {
            LOG.warning("TURN is off: coturn is not installed (apt-get install coturn); clients get no relay");
            return null;
        }
        int port = FreePorts.pick();
        int relays = FreePorts.pick();
        String secret = SuiteSettings.randomSecret();
        Path dir = stateDir.toAbsolutePath().resolve("coturn"); // absolute: coturn runs in that folder
        List<String> allowed = allowedPeers();
        List<String> config = new ArrayList<>(List.of(
                "relay-ip=" + relayIp(), "listening-port=" + port,
                // two ports per relayed link: room for a thousand (a page of a big meeting holds dozens)
                "min-port=" + relays, "max-port=" + Math.min(65535, relays + 2000),
                "use-auth-secret", "static-auth-secret=" + secret, "realm=" + REALM,
                // browsers relay over UDP; a TCP relay (RFC 6062) would let a guest reach TCP services
                "no-tcp-relay", "no-multicast-peers",
                "no-dtls", "no-cli", "no-software-attribute",
                "userdb=" + dir.resolve("turndb"), "pidfile=" + dir.resolve("turnserver.pid"),
                "simple-log", "log-file=stdout"));
        if (!"0.0.0.0".equals(listenOn)) {
            config.add("listening-ip=" + listenOn);
        }
        int tlsPort = certificate == null ? 0 : Integer.parseInt(SuiteSettings.setting("convene.turn.tls-port", "5349"));
        if (certificate == null) {
            config.add("no-tls");
        } else { // the front door's file: the chain, then the key
            config.addAll(List.of("tls-listening-port=" + tlsPort, "cert=" + certificate.pem(), "pkey=" + certificate.pem(),
                    "no-tlsv1", "no-tlsv1_1"));
        }
        DENIED_PEERS.forEach(range -> config.add("denied-peer-ip=" + range));
        // only the media server's own addresses are let through the denials (loopback in the tests' namespace)
        allowed.forEach(address -> config.add("allowed-peer-ip=" + address));
        if (allowed.stream().anyMatch(TurnServer::isLoopback)) {
            config.add("allow-loopback-peers");
        }
        Path file = dir.resolve("turnserver.conf");
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(file);
            // the secret is in a file only its owner reads, not on a command line that `ps` shows
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(file, config);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        ManagedProcess process = ManagedProcess.start("coturn", List.of(BINARY.toString(), "-c", file.toString()),
                Map.of(), dir, stateDir.resolve("logs").resolve("coturn.log"));
        LOG.info(() -> "coturn relays to public addresses and " + (allowed.isEmpty() ? "no others" : allowed) + " only");
        TurnServer server = new TurnServer(process, port, tlsPort, secret, host == null ? "127.0.0.1" : host,
                "0.0.0.0".equals(listenOn) ? "127.0.0.1" : listenOn);
        server.awaitListening(Duration.ofSeconds(20));
        return server;
    }

    /**
     * The addresses the media server offers ICE candidates on, which relayed media must reach: those
     * of the interfaces named by {@code convene.media.ice-interfaces} (what the launcher gives Janus),
     * or of every interface up but loopback (what Janus gathers without it); and what
     * {@code convene.turn.allowed-peer-ips} adds (an address or a range {@code a-b} each, e.g. an
     * external Janus on a private network).
     */
    static List<String> allowedPeers() {
        List<String> peers = new ArrayList<>();
        String names = SuiteSettings.setting("convene.media.ice-interfaces", null);
        try {
            List<NetworkInterface> interfaces = new ArrayList<>();
            if (names == null) {
                for (NetworkInterface i : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                    if (i.isUp() && !i.isLoopback()) {
                        interfaces.add(i);
                    }
                }
            } else {
                for (String name : names.split(",")) {
                    NetworkInterface i = NetworkInterface.getByName(name.strip());
                    if (i == null) {
                        LOG.warning(() -> "convene.media.ice-interfaces names " + name.strip() + ", which is no interface here");
                    } else {
                        interfaces.add(i);
                    }
                }
            }
            for (NetworkInterface i : interfaces) {
                for (InetAddress a : Collections.list(i.getInetAddresses())) {
                    if (a instanceof Inet4Address || !a.isLinkLocalAddress()) { // link-local IPv6 carries a scope coturn cannot read
                        peers.add(a.getHostAddress().replaceAll("%.*", ""));
                    }
                }
            }
        } catch (SocketException e) {
            throw new IllegalStateException("Cannot list the network interfaces", e);
        }
        String extra = SuiteSettings.setting("convene.turn.allowed-peer-ips", null);
        if (extra != null) {
            Arrays.stream(extra.split(",")).map(String::strip).filter(p -> !p.isEmpty()).forEach(peers::add);
        }
        return peers;
    }

    private static boolean isLoopback(String peer) {
        return peer.startsWith("127.") || peer.equals("::1");
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
                s.connect(new InetSocketAddress(listening, port), 500);
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
        throw new IllegalStateException("coturn did not listen on " + listening + ":" + port + " within " + timeout);
    }

    /** What Convene needs to hand out ICE servers. */
    Map<String, String> applicationConfig() {
        String urls = "turn:" + name + ":" + port + "?transport=udp,turn:" + name + ":" + port + "?transport=tcp"
                + (tlsPort == 0 ? "" : ",turns:" + name + ":" + tlsPort + "?transport=tcp");
        return Map.of("convene.turn.urls", urls, "convene.turn.secret", secret, "convene.stun.urls", "stun:" + name + ":" + port);
    }

    /** The running coturn, for the suite to watch. */
    ManagedProcess process() {
        return process;
    }

    int port() {
        return port;
    }

    /** TURN over TLS's port, or 0 when there is none. */
    int tlsPort() {
        return tlsPort;
    }

    @Override
    public void close() {
        process.close();
    }
}
