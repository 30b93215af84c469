package io.fleetmesh.api.credentials;

import io.fleetmesh.api.devices.DeviceDirectory;
import io.fleetmesh.api.identity.Caller;
import io.fleetmesh.api.mesh.TenantAccounts;
import io.fleetmesh.api.refusals.Conflict;
import io.fleetmesh.api.refusals.InvalidInput;
import io.fleetmesh.api.refusals.NotFound;
import io.fleetmesh.protocol.Subjects;
import java.time.Clock;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issues and revokes devices' NATS credentials: the keys are recorded (never the seeds), the device's credentials
 * state follows, and a revocation is pushed to the hub in the tenant account's JWT once it is committed.
 */
@Component
class DeviceCredentials {

    // also the OpenAPI document's descriptions (DeviceCredentialsController)
    static final String NONE_TO_REVOKE = "The device has no credentials to revoke.";
    static final String NO_MESH = "This installation runs an open hub (fleetmesh.mesh.keys-dir is not set) or the"
            + " tenant has no account key: there are no device credentials.";

    private final MeshAuthority authority;
    private final TenantAccounts accounts;
    private final RevokedKeys revokedKeys;
    private final DeviceDirectory directory;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DeviceCredentials(MeshAuthority authority, TenantAccounts accounts, RevokedKeys revokedKeys,
                      DeviceDirectory directory, JdbcTemplate jdbc, PlatformTransactionManager transactions,
                      ApplicationEventPublisher events, Clock clock) {
        this.authority = authority;
        this.accounts = accounts;
        this.revokedKeys = revokedKeys;
        this.directory = directory;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.events = events;
        this.clock = clock;
    }

    /**
     * New credentials for the device, a bearer JWT for MQTT if asked; shown once, to the caller only. {@code legacyPrefix}
     * (MQTT style, {@code trucks} or {@code old/trucks}): it may also publish under {@code <prefix>/<device>/}, or null.
     */
    MeshAuthority.IssuedCredentials issue(Caller caller, String deviceId, boolean mqtt, String legacyPrefix)
            throws Exception {
        String prefix = legacyPrefix == null ? null : legacyPrefix.replace('/', '.');
        if (prefix != null && prefix.split("\\.")[0].equals(Subjects.ROOT)) {
            throw new InvalidInput("Invalid legacy prefix", "A legacy prefix is not the platform's own fleet/ layout.",
                    Map.of("field", "legacyPrefix"));
        }
        requireMesh(caller, deviceId);
        MeshAuthority.IssuedCredentials issued = authority.issue(caller.tenantId(), deviceId, mqtt, prefix);
        transactions.executeWithoutResult(status -> {
            jdbc.update("INSERT INTO device_credentials (tenant_id, device_id, user_key) VALUES (?, ?, ?)",
                    caller.tenantId(), deviceId, issued.userKey());
            directory.credentialsIssued(caller.tenantId(), deviceId, clock.instant());
        });
        events.publishEvent(new DeviceCredentialEvents.Issued(caller.tenantId(), deviceId, issued.userKey(), caller.name()));
        return issued;
    }

    /** Revokes every key of the device; true once the hub has the revocation, false if it must be pushed again. */
    boolean revokeAll(Caller caller, String deviceId) {
        requireMesh(caller, deviceId);
        int revoked = transactions.execute(status -> {
            int keys = revokedKeys.revokeAll(caller.tenantId(), deviceId);
            if (keys > 0) {
                directory.credentialsRevoked(caller.tenantId(), deviceId, clock.instant());
            }
            return keys;
        });
        if (revoked == 0) {
            throw new NotFound(NONE_TO_REVOKE);
        }
        boolean applied = accounts.push(caller.tenantId());
        events.publishEvent(new DeviceCredentialEvents.Revoked(caller.tenantId(), deviceId, revoked, caller.name()));
        return applied;
    }

    /** Not found for a device of another tenant before anything else, then a conflict if the hub is open. */
    private void requireMesh(Caller caller, String deviceId) {
        directory.requireRegistered(caller.tenantId(), deviceId);
        if (!accounts.enabled(caller.tenantId())) {
            throw new Conflict(NO_MESH);
        }
    }
}
