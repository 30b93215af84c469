package io.fleetmesh.api.mesh;

import io.nats.client.Connection;
import io.nats.client.api.AccountStatistics;
import java.util.Collection;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * UP while every tenant link is connected to a hub server whose JetStream answers; DOWN with none. The details
 * count links, streams and consumers and name no tenant: health is public.
 */
@Component("nats")
class NatsHealthIndicator implements HealthIndicator {

    private final MeshLinks links;

    NatsHealthIndicator(MeshLinks links) {
        this.links = links;
    }

    @Override
    public Health health() {
        Collection<TenantLink> all = links.all();
        Health.Builder health = all.isEmpty() ? Health.down() : Health.up();
        int connected = 0;
        long streams = 0;
        long consumers = 0;
        for (TenantLink link : all) {
            AccountStatistics account = jetStream(link.connection());
            if (account == null) {
                health.down();
                continue;
            }
            connected++;
            streams += account.getStreams();
            consumers += account.getConsumers();
        }
        return health.withDetail("links", all.size()).withDetail("connected", connected)
                .withDetail("streams", streams).withDetail("consumers", consumers).build();
    }

    /** The account's JetStream figures, or null while the link is down or JetStream does not answer. */
    private static AccountStatistics jetStream(Connection connection) {
        if (connection.getStatus() != Connection.Status.CONNECTED) {
            return null;
        }
        try {
            return connection.jetStreamManagement().getAccountStatistics();
        } catch (Exception e) {
            return null;
        }
    }
}
