package io.fleetmesh.api.mesh;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.nats.client.Connection;
import org.springframework.stereotype.Component;

/**
 * Prometheus: {@code fleetmesh_hub_connected{tenant}} (1 while this replica's link into the tenant's account is
 * connected, 0 while it reconnects) and {@code fleetmesh_hub_reconnects_total{tenant}} (jnats' own count). Read from
 * the connection at scrape time, so they cannot drift from what the client knows.
 */
@Component
class HubMetrics {

    private final MeterRegistry registry;

    HubMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void watch(TenantLink link) {
        String tenant = link.tenant().toString();
        Gauge.builder("fleetmesh.hub.connected", link.connection(),
                        connection -> connection.getStatus() == Connection.Status.CONNECTED ? 1 : 0)
                .tag("tenant", tenant).description("whether this replica's link into the tenant's account is connected")
                .register(registry);
        FunctionCounter.builder("fleetmesh.hub.reconnects", link.connection(),
                        connection -> connection.getStatistics().getReconnects())
                .tag("tenant", tenant).description("reconnections of this replica's link into the tenant's account")
                .register(registry);
    }
}
