package io.fleetmesh.devkit;

import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A hub that is a real NATS JetStream cluster of nodes on loopback (Debian's nats-server, full routes between
 * them, one JetStream domain {@code hub}), for streams replicated on several servers and for killing one.
 */
public final class NatsCluster implements AutoCloseable {

    private final List<NatsServer> nodes;

    private NatsCluster(List<NatsServer> nodes) {
        this.nodes = nodes;
    }

    /** Starts the nodes and waits until the cluster's JetStream answers (a meta leader is elected). */
    public static NatsCluster start(Path dir, int size) {
        List<Integer> routes = IntStream.range(0, size).mapToObj(i -> Ports.free()).toList();
        List<NatsServer> nodes = IntStream.range(0, size).mapToObj(i -> NatsServer.clusterNode(
                dir.resolve("node-" + (i + 1)), "hub-" + (i + 1), routes.get(i), routes)).toList();
        NatsCluster cluster = new NatsCluster(nodes);
        try {
            nodes.forEach(NatsServer::start);
            cluster.awaitJetStream(Duration.ofSeconds(60));
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    public NatsServer node(int index) {
        return nodes.get(index);
    }

    /** The node of this server name ({@code hub-1}, ...), as JetStream's cluster info names a leader. */
    public NatsServer node(String serverName) {
        return nodes.get(Integer.parseInt(serverName.substring(serverName.lastIndexOf('-') + 1)) - 1);
    }

    /** Every node's client URL, comma-separated (what fleet-api's {@code fleetmesh.nats.urls} takes). */
    public String urls() {
        return nodes.stream().map(NatsServer::url).collect(Collectors.joining(","));
    }

    public List<String> leafUrls() {
        return nodes.stream().map(NatsServer::leafUrl).toList();
    }

    private void awaitJetStream(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        Options options = Options.builder().servers(urls().split(",")).maxReconnects(-1).build();
        while (true) {
            try (Connection connection = Nats.connect(options)) {
                connection.jetStreamManagement().getAccountStatistics();
                return;
            } catch (Exception notYet) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("the JetStream cluster did not form within " + timeout, notYet);
                }
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        nodes.forEach(NatsServer::stop);
    }
}
