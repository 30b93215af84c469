package io.fleetmesh.api.mesh;

import io.nats.client.Connection;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** UP while connected to a hub server whose JetStream answers. */
@Component("nats")
class NatsHealthIndicator implements HealthIndicator {

    private final Connection connection;

    NatsHealthIndicator(Connection connection) {
        this.connection = connection;
    }

    @Override
    public Health health() {
        Health.Builder health = connection.getStatus() == Connection.Status.CONNECTED ? Health.up() : Health.down();
        health.withDetail("status", connection.getStatus().name());
        if (connection.getStatus() == Connection.Status.CONNECTED) {
            health.withDetail("server", connection.getServerInfo().getServerName());
            addJetStream(health);
        }
        return health.build();
    }

    private void addJetStream(Health.Builder health) {
        try {
            var account = connection.jetStreamManagement().getAccountStatistics();
            health.withDetail("streams", account.getStreams()).withDetail("consumers", account.getConsumers());
        } catch (Exception e) {
            health.down().withDetail("jetstream", e.getMessage());
        }
    }
}
