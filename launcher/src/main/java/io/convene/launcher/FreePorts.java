package io.convene.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for the servers started on free ports (tests, benchmarks, Janus's and coturn's own): free on
 * every address when picked, never the same twice in one JVM, and below the range the kernel hands
 * out as the local end of outgoing connections ({@code /proc/sys/net/ipv4/ip_local_port_range}). A
 * port the kernel picks for a socket bound to port 0 comes from that range, and any process's next
 * connection may take it before the server it was meant for binds it — Keycloak binds tens of
 * seconds after its port is chosen, and once failed to start with "Address already in use".
 */
public final class FreePorts {

    private static final int FROM = 10_000;
    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final Set<Integer> GIVEN = ConcurrentHashMap.newKeySet();
    private static final int EPHEMERAL_FROM = ephemeralFrom();

    private FreePorts() {
    }

    /** A port no server listens on now, below the kernel's range for outgoing connections where it can be. */
    public static int pick() {
        if (EPHEMERAL_FROM - FROM >= 1_000) {
            for (int tries = 0; tries < 500; tries++) {
                int port = FROM + ThreadLocalRandom.current().nextInt(EPHEMERAL_FROM - FROM);
                if (!GIVEN.contains(port) && bindable(port) && GIVEN.add(port)) {
                    return port;
                }
            }
        }
        for (int tries = 0; tries < 50; tries++) { // no room below that range: the kernel's own pick
            try (ServerSocket socket = new ServerSocket(0)) {
                if (GIVEN.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("No free port found");
    }

    /** The first port of the kernel's range for outgoing connections (Linux's default where it cannot be read). */
    static int ephemeralFrom() {
        try {
            return Integer.parseInt(Files.readString(EPHEMERAL_RANGE).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return 32_768;
        }
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
