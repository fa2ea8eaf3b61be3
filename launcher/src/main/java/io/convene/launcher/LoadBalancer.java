package io.convene.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Debian's HAProxy in front of the nodes, on 127.0.0.1: requests go to the node with the fewest
 * connections among those whose readiness check passes (checked every 2 s, out after 2 failures);
 * WebSockets pass through; a browser sticks to one node by a cookie (the console's session lives
 * on the node that made it); a request a stopped node could not take is sent to another.
 */
final class LoadBalancer {

    static final Path BINARY = Path.of("/usr/sbin/haproxy");

    private LoadBalancer() {
    }

    static ManagedProcess start(Path stateDir, int port, List<String> nodeUrls) {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException("Several nodes need a load balancer in front: apt-get install haproxy");
        }
        Path work = stateDir.toAbsolutePath().resolve("haproxy");
        StringBuilder servers = new StringBuilder();
        for (int i = 0; i < nodeUrls.size(); i++) {
            servers.append("  server node").append(i + 1).append(' ').append(nodeUrls.get(i).replace("http://", ""))
                    .append(" check inter 2s fall 2 rise 2 cookie n").append(i + 1).append('\n');
        }
        String config = """
                global
                  maxconn 8000
                defaults
                  mode http
                  option redispatch
                  retries 2
                  timeout connect 2s
                  timeout client 1h
                  timeout server 1h
                  timeout tunnel 1h
                frontend convene
                  bind 127.0.0.1:%d
                  default_backend nodes
                backend nodes
                  balance leastconn
                  option httpchk GET /health/ready
                  http-check expect status 200
                  cookie CONVENE_NODE insert indirect nocache httponly
                %s""".formatted(port, servers);
        try {
            Files.createDirectories(work);
            Files.writeString(work.resolve("haproxy.cfg"), config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ManagedProcess haproxy = ManagedProcess.start("HAProxy", List.of(BINARY.toString(), "-db", "-f",
                work.resolve("haproxy.cfg").toString()), Map.of(), work, stateDir.resolve("logs/haproxy.log"));
        haproxy.awaitHttpOk("http://127.0.0.1:" + port + "/health/ready", Duration.ofSeconds(30));
        return haproxy;
    }
}
