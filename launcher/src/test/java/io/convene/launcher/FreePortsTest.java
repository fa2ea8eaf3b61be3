package io.convene.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void picksPortsThatAreFreeDifferentAndOutsideTheRangeForOutgoingConnections() throws IOException {
        int ephemeral = FreePorts.ephemeralFrom();
        Set<Integer> picked = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            int port = FreePorts.pick();
            assertThat(picked.add(port)).as("port %d given once", port).isTrue();
            if (ephemeral > 11_000) {
                assertThat(port).as("below %d, where connections take their local ports", ephemeral).isLessThan(ephemeral);
            }
            try (ServerSocket server = new ServerSocket()) { // free: a server can listen on it
                server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            }
        }
    }
}
