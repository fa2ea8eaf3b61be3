package io.convene.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Several Payara Micro nodes running the same Convene WAR with the same configuration, one data
 * grid (Hazelcast, TCP member list on 127.0.0.1), sharing the suite's PostgreSQL, Artemis and
 * Keycloak. They start side by side; the cluster is ready when every node's readiness check is.
 */
public final class ConveneCluster implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ConveneCluster.class.getName());

    /** One node: where it answers, and a way to stop it as a crash would. */
    public static final class Node {
        private final PayaraMicroServer.Node spec;
        private final ManagedProcess process;

        private Node(PayaraMicroServer.Node spec, ManagedProcess process) {
            this.spec = spec;
            this.process = process;
        }

        public String name() {
            return spec.name();
        }

        public String url() {
            return spec.url();
        }

        public Path log() {
            return process.log();
        }

        /** SIGKILL: no shutdown hooks, no goodbye to the data grid or to its WebSocket clients. */
        public void kill() {
            process.kill();
        }
    }

    private final List<Node> nodes;
    private final Path stateDir;
    private ManagedProcess loadBalancer;

    private ConveneCluster(List<Node> nodes, Path stateDir) {
        this.nodes = nodes;
        this.stateDir = stateDir;
    }

    /**
     * Starts {@code httpPorts.size()} nodes named {@code <prefix>1...} for the suite's settings and
     * this configuration; each node's process is handed to {@code launched} as soon as it runs (to
     * be stopped with its owner even if the start is cut short).
     */
    static ConveneCluster start(SuiteSettings settings, Map<String, String> config, String prefix, List<Integer> httpPorts,
                                java.util.function.Consumer<ManagedProcess> launched) {
        List<Integer> gridPorts = httpPorts.stream().map(p -> FreePorts.pick()).toList();
        String grid = "convene-" + SuiteSettings.randomSecret().substring(0, 8);
        List<Node> nodes = new ArrayList<>();
        try {
            for (int i = 0; i < httpPorts.size(); i++) {
                PayaraMicroServer.Node spec = new PayaraMicroServer.Node(prefix + (i + 1), httpPorts.get(i),
                        new PayaraMicroServer.Cluster(grid, gridPorts.get(i), gridPorts));
                ManagedProcess process = PayaraMicroServer.launch(settings, config, spec, false);
                nodes.add(new Node(spec, process));
                launched.accept(process);
            }
            for (Node node : nodes) {
                PayaraMicroServer.awaitReady(node.process, node.url());
                LOG.info(() -> "Convene node " + node.name() + " ready at " + node.url());
            }
            return new ConveneCluster(List.copyOf(nodes), settings.stateDir());
        } catch (RuntimeException e) {
            nodes.forEach(n -> n.process.close());
            throw e;
        }
    }

    /** For tests: {@code count} more nodes of this suite, on free ports, in a data grid of their own. */
    public static ConveneCluster start(Suite suite, String prefix, int count) {
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ports.add(FreePorts.pick());
        }
        return start(suite.settings(), suite.applicationConfig(), prefix, ports, process -> { });
    }

    /** For tests: HAProxy in front of these nodes on a free port (stopped with them); its URL. */
    public synchronized String startLoadBalancer() {
        int port = FreePorts.pick();
        loadBalancer = LoadBalancer.start(stateDir.resolve("lb-" + port), port, urls());
        return "http://127.0.0.1:" + port;
    }

    public List<Node> nodes() {
        return nodes;
    }

    public List<String> urls() {
        return nodes.stream().map(Node::url).toList();
    }

    @Override
    public synchronized void close() {
        if (loadBalancer != null) {
            loadBalancer.close();
        }
        nodes.forEach(n -> n.process.close());
    }
}
