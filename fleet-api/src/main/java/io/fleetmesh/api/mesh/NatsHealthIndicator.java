package io.fleetmesh.api.mesh;

import io.nats.client.Connection;
import io.nats.client.api.AccountStatistics;
import java.util.Collection;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * UP while the hub answers on at least one tenant link (JetStream included); DOWN when none does. One tenant's
 * broken link must not take every replica out of service for all tenants: it shows as {@code connected < links}.
 * The details count links, streams and consumers and name no tenant: health is public.
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
        int connected = 0;
        long streams = 0;
        long consumers = 0;
        for (TenantLink link : all) {
            AccountStatistics account = jetStream(link.connection());
            if (account == null) {
                continue;
            }
            connected++;
            streams += account.getStreams();
            consumers += account.getConsumers();
        }
        Health.Builder health = connected > 0 ? Health.up() : Health.down();
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
