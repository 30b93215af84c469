package io.fleetmesh.api.credentials;

import io.fleetmesh.api.devices.DeviceDirectory;
import io.fleetmesh.api.identity.Caller;
import io.fleetmesh.api.identity.CurrentTenant;
import jakarta.validation.constraints.Pattern;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
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
    private final DeviceDirectory directory;
    private final CurrentTenant tenant;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;

    DeviceCredentialsController(MeshAuthority authority, DeviceDirectory directory, CurrentTenant tenant,
                                JdbcTemplate jdbc, ApplicationEventPublisher events) {
        this.authority = authority;
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

    @DeleteMapping
    ResponseEntity<Void> revoke(@PathVariable String deviceId) throws Exception {
        Caller caller = callerFor(deviceId);
        int revoked = jdbc.update("UPDATE device_credentials SET revoked_at = now() WHERE tenant_id = ? AND device_id = ?"
                + " AND revoked_at IS NULL", caller.tenantId(), deviceId);
        if (revoked == 0) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "The device has no credentials to revoke.");
        }
        authority.pushAccount(caller.tenantId(), revocations(caller.tenantId()));
        events.publishEvent(new DeviceCredentialEvents.Revoked(caller.tenantId(), deviceId, revoked, caller.name()));
        return ResponseEntity.noContent().build();
    }

    /** Every key ever revoked in the tenant: the account JWT carries them all. */
    private Map<String, Long> revocations(UUID tenantId) {
        return jdbc.queryForList("SELECT user_key, extract(epoch FROM revoked_at)::bigint + 1 AS at FROM device_credentials"
                + " WHERE tenant_id = ? AND revoked_at IS NOT NULL", tenantId).stream()
                .collect(Collectors.toMap(row -> (String) row.get("user_key"), row -> ((Number) row.get("at")).longValue()));
    }

    /** 404 for a device of another tenant before anything else, then 409 if the hub is open. */
    private Caller callerFor(String deviceId) {
        Caller caller = tenant.caller();
        directory.requireRegistered(caller.tenantId(), deviceId);
        if (!authority.enabled()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "This installation runs an open hub"
                    + " (fleetmesh.mesh.keys-dir is not set): there are no device credentials.");
        }
        return caller;
    }
}
