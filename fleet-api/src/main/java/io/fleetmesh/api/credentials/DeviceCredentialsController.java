package io.fleetmesh.api.credentials;

import io.fleetmesh.api.devices.DeviceDirectory;
import io.fleetmesh.api.identity.Caller;
import io.fleetmesh.api.identity.CurrentTenant;
import io.fleetmesh.api.mesh.TenantAccounts;
import jakarta.validation.constraints.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * A device's NATS credentials (ADMIN only): {@code POST} issues a new user and answers its {@code .creds} file,
 * the only time it exists outside the device; {@code DELETE} revokes every key the device was given, and the
 * hub closes its connections.
 */
@RestController
@Validated
@RequestMapping("/api/v1/devices/{deviceId}/credentials")
class DeviceCredentialsController {

    private final MeshAuthority authority;
    private final TenantAccounts accounts;
    private final RevokedKeys revokedKeys;
    private final DeviceDirectory directory;
    private final CurrentTenant tenant;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;

    DeviceCredentialsController(MeshAuthority authority, TenantAccounts accounts, RevokedKeys revokedKeys,
                                DeviceDirectory directory, CurrentTenant tenant, JdbcTemplate jdbc,
                                ApplicationEventPublisher events) {
        this.authority = authority;
        this.accounts = accounts;
        this.revokedKeys = revokedKeys;
        this.directory = directory;
        this.tenant = tenant;
        this.jdbc = jdbc;
        this.events = events;
    }

    /** {@code ?for=mqtt}: a bearer JWT, the MQTT password of a device that speaks MQTT straight to the hub. */
    @PostMapping
    ResponseEntity<String> issue(@PathVariable String deviceId, @RequestParam(name = "for", defaultValue = "nats")
            @Pattern(regexp = "nats|mqtt") String kind) throws Exception {
        Caller caller = callerFor(deviceId);
        MeshAuthority.IssuedCredentials issued = authority.issue(caller.tenantId(), deviceId, kind.equals("mqtt"));
        jdbc.update("INSERT INTO device_credentials (tenant_id, device_id, user_key) VALUES (?, ?, ?)",
                caller.tenantId(), deviceId, issued.userKey());
        events.publishEvent(new DeviceCredentialEvents.Issued(caller.tenantId(), deviceId, issued.userKey(), caller.name()));
        return ResponseEntity.status(HttpStatus.CREATED).contentType(MediaType.TEXT_PLAIN)
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + deviceId + "." + kind + "\"")
                .body(issued.creds());
    }

    /**
     * 204 once the hub has the revocation (the device's connections are closed); 202 if the hub is unreachable now:
     * the revocation is recorded and pushed again until the hub takes it.
     */
    @DeleteMapping
    ResponseEntity<Void> revoke(@PathVariable String deviceId) {
        Caller caller = callerFor(deviceId);
        int revoked = revokedKeys.revokeAll(caller.tenantId(), deviceId);
        if (revoked == 0) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "The device has no credentials to revoke.");
        }
        boolean applied = accounts.push(caller.tenantId());
        events.publishEvent(new DeviceCredentialEvents.Revoked(caller.tenantId(), deviceId, revoked, caller.name()));
        return applied ? ResponseEntity.noContent().build() : ResponseEntity.accepted().build();
    }

    /** 404 for a device of another tenant before anything else, then 409 if the hub is open. */
    private Caller callerFor(String deviceId) {
        Caller caller = tenant.caller();
        directory.requireRegistered(caller.tenantId(), deviceId);
        if (!accounts.enabled(caller.tenantId())) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "This installation runs an open hub"
                    + " (fleetmesh.mesh.keys-dir is not set) or the tenant has no account key: there are no device"
                    + " credentials.");
        }
        return caller;
    }
}
