package io.fleetmesh.edge.status;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fleetmesh.edge.sync.SyncState;
import io.nats.client.Connection;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.function.LongSupplier;

/**
 * The agent's health and Prometheus metrics over HTTP (the JDK's own server; no framework on the gateway):
 * {@code /health} is UP while the leaf server answers, whether or not the hub is reachable (a truck without signal
 * is working as designed), with the hub link as a detail; {@code /metrics} in the Prometheus text format.
 */
public final class AgentEndpoints implements AutoCloseable {

    private final HttpServer server;
    private final Connection local;
    private final Connection hub;
    private final SyncState sync;
    private final LongSupplier backlog;

    private AgentEndpoints(HttpServer server, Connection local, Connection hub, SyncState sync, LongSupplier backlog) {
        this.server = server;
        this.local = local;
        this.hub = hub;
        this.sync = sync;
        this.backlog = backlog;
    }

    /** {@code hub} is null when the agent does not sync; {@code backlog} is -1 when unknown. */
    public static AgentEndpoints start(InetSocketAddress address, Connection local, Connection hub, SyncState sync,
                                LongSupplier backlog) throws IOException {
        HttpServer server = HttpServer.create(address, 0);
        // two: a health check never waits behind a scrape that asks the leaf's JetStream
        server.setExecutor(Executors.newFixedThreadPool(2, task -> new Thread(task, "agent-http")));
        AgentEndpoints endpoints = new AgentEndpoints(server, local, hub, sync, backlog);
        server.createContext("/health", endpoints::health);
        server.createContext("/metrics", endpoints::metrics);
        server.start();
        return endpoints;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void health(HttpExchange exchange) throws IOException {
        boolean up = connected(local);
        String body = "{\"status\":\"%s\",\"leaf\":\"%s\",\"hub\":\"%s\"}".formatted(up ? "UP" : "DOWN",
                local.getStatus(), hub == null ? "NOT_SYNCING" : hub.getStatus());
        send(exchange, up ? 200 : 503, "application/json", body);
    }

    private void metrics(HttpExchange exchange) throws IOException {
        String body = gauge("fleetmesh_agent_leaf_connected", "the agent's connection to its leaf server", connected(local) ? 1 : 0)
                + gauge("fleetmesh_agent_hub_connected", "the sync's connection to the hub", connected(hub) ? 1 : 0)
                + gauge("fleetmesh_agent_backlog", "messages in the outbox not yet synced (-1: unknown)", backlog.getAsLong())
                + counter("fleetmesh_agent_forwarded", "messages synced to the hub", sync.forwarded())
                + counter("fleetmesh_agent_discarded", "messages the outbox limits discarded before their sync", sync.discarded());
        send(exchange, 200, "text/plain; version=0.0.4", body);
    }

    private static boolean connected(Connection connection) {
        return connection != null && connection.getStatus() == Connection.Status.CONNECTED;
    }

    private static String gauge(String name, String help, long value) {
        return "# HELP %1$s %2$s\n# TYPE %1$s gauge\n%1$s %3$d\n".formatted(name, help, value);
    }

    private static String counter(String name, String help, long value) {
        return "# HELP %1$s_total %2$s\n# TYPE %1$s_total counter\n%1$s_total %3$d\n".formatted(name, help, value);
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
