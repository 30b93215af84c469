package io.fleetmesh.api.mesh;

import io.nats.client.AuthHandler;
import io.nats.client.Connection;
import io.nats.client.NKey;
import io.nats.client.Nats;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tenants' accounts on the hub's full resolver: signs a tenant's account JWT with the operator key, carrying every
 * revocation and its subject mappings, and has the resolver apply it at once over a system-account connection.
 */
@Component
public class TenantAccounts {

    private static final Logger log = LoggerFactory.getLogger(TenantAccounts.class);
    private static final SecureRandom random = new SecureRandom();

    private final MeshKeys keys;
    private final NatsProperties nats;
    private final List<AccountRevocations> revocations;
    private final AccountMappings mappings;
    private final Set<UUID> pending = ConcurrentHashMap.newKeySet();
    private Connection system;

    TenantAccounts(MeshKeys keys, NatsProperties nats, List<AccountRevocations> revocations, AccountMappings mappings) {
        this.keys = keys;
        this.nats = nats;
        this.revocations = revocations;
        this.mappings = mappings;
    }

    /** Operator mode, and the tenant has its account key: its devices can get credentials and be revoked. */
    public boolean enabled(UUID tenant) {
        return keys.enabled() && keys.account(tenant).isPresent();
    }

    /**
     * Pushes the tenant's account as it is now; the hub closes the connections of users revoked since. If the hub
     * does not take it now, it is pushed again at each mesh scan until it does. Whether it took it now.
     */
    public boolean push(UUID tenant) {
        try {
            send(tenant);
            pending.remove(tenant);
            return true;
        } catch (Exception e) {
            log.warn("account of tenant {} not pushed to the hub yet: {}", tenant, e.toString());
            pending.add(tenant);
            return false;
        }
    }

    void retryPending() {
        pending.forEach(this::push);
    }

    private void send(UUID tenant) throws Exception {
        String account = MeshJwts.publicKey(keys.account(tenant)
                .orElseThrow(() -> new IllegalStateException("tenant " + tenant + " has no account key")));
        String jwt = MeshJwts.account(keys.operator(), account, "tenant-" + tenant, true, revocations(tenant),
                mappings.of(tenant));
        String answer = new String(systemConnection().request("$SYS.REQ.ACCOUNT." + account + ".CLAIMS.UPDATE",
                jwt.getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(5)).getData(), StandardCharsets.UTF_8);
        if (!answer.contains("\"code\":200")) {
            throw new IllegalStateException("the hub's resolver did not take the account: " + answer);
        }
    }

    /** Every feature's revoked keys (devices', taps'): the account JWT carries them all. */
    private Map<String, Long> revocations(UUID tenant) {
        Map<String, Long> all = new HashMap<>();
        revocations.forEach(source -> all.putAll(source.of(tenant)));
        return all;
    }

    /** A fresh service user of the tenant's account, unrestricted within it: fleet-api's own identity there. */
    AuthHandler serviceUser(UUID tenant) throws Exception {
        NKey user = NKey.createUser(random);
        String jwt = MeshJwts.user(keys.account(tenant).orElseThrow(), MeshJwts.publicKey(user), "fleet-api", null);
        return Nats.staticCredentials(jwt.toCharArray(), user.getSeed());
    }

    private synchronized Connection systemConnection() throws Exception {
        if (system == null) {
            NKey user = NKey.createUser(random);
            String jwt = MeshJwts.user(keys.system(), MeshJwts.publicKey(user), "fleet-api-system", null);
            system = HubConnections.open(nats, "fleet-api-system",
                    Nats.staticCredentials(jwt.toCharArray(), user.getSeed()));
        }
        return system;
    }

    synchronized void close() throws InterruptedException {
        if (system != null) {
            system.close();
        }
    }
}
