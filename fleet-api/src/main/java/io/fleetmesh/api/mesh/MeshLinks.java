package io.fleetmesh.api.mesh;

import io.nats.client.AuthHandler;
import io.nats.client.Connection;
import io.nats.client.Nats;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * fleet-api's links into the mesh, one per tenant account (ADR 0005). Operator mode: every tenant with an account
 * key gets its account pushed to the resolver and a connection as fleet-api's service user in it; tenants whose key
 * appears later are linked at the next scan. Open hub: one connection, for {@code fleetmesh.nats.tenant}.
 */
@Component
public class MeshLinks implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MeshLinks.class);

    private final NatsProperties nats;
    private final MeshProperties mesh;
    private final MeshKeys keys;
    private final TenantAccounts accounts;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final HubMetrics metrics;
    private final Map<UUID, TenantLink> links = new ConcurrentHashMap<>();
    private ScheduledExecutorService scanner;

    MeshLinks(NatsProperties nats, MeshProperties mesh, MeshKeys keys, TenantAccounts accounts, JdbcTemplate jdbc,
              ApplicationEventPublisher events, HubMetrics metrics) {
        this.nats = nats;
        this.mesh = mesh;
        this.keys = keys;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.events = events;
        this.metrics = metrics;
    }

    public Collection<TenantLink> all() {
        return List.copyOf(links.values());
    }

    public Optional<TenantLink> of(UUID tenant) {
        return Optional.ofNullable(links.get(tenant));
    }

    @Override
    public synchronized void start() {
        scanner = Executors.newSingleThreadScheduledExecutor(task -> new Thread(task, "mesh-links"));
        if (keys.enabled()) {
            scan();
            scanner.scheduleWithFixedDelay(this::scan, mesh.scanInterval().toMillis(), mesh.scanInterval().toMillis(),
                    TimeUnit.MILLISECONDS);
        } else {
            link(nats.tenant(), StringUtils.hasText(nats.credentials()) ? Nats.credentials(nats.credentials()) : null);
        }
    }

    /** Retries the account pushes the hub missed, and links the tenants that have an account key and no link yet. */
    private void scan() {
        try {
            accounts.retryPending();
            for (UUID tenant : jdbc.queryForList("SELECT id FROM tenants ORDER BY created_at", UUID.class)) {
                if (!links.containsKey(tenant) && keys.account(tenant).isPresent()) {
                    accounts.push(tenant);
                    link(tenant, accounts.serviceUser(tenant));
                }
            }
        } catch (Exception e) {
            log.warn("mesh scan failed, retrying in {}: {}", mesh.scanInterval(), e.toString());
        }
    }

    private void link(UUID tenant, AuthHandler auth) {
        try {
            Connection connection = HubConnections.open(nats, nats.connectionName() + "/" + tenant, auth);
            TenantLink link = new TenantLink(tenant, connection);
            links.put(tenant, link);
            metrics.watch(link);
            log.info("linked tenant {} to the mesh", tenant);
            events.publishEvent(new TenantLinked(tenant));
        } catch (Exception e) {
            log.warn("tenant {} not linked to the mesh: {}", tenant, e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        scanner.shutdownNow();
        try {
            for (TenantLink link : links.values()) {
                link.connection().close();
            }
            accounts.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        links.clear();
    }

    @Override
    public boolean isRunning() {
        return scanner != null && !scanner.isShutdown();
    }

    /** Before the consumers, which use the links, and stopped after them. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1000;
    }
}
