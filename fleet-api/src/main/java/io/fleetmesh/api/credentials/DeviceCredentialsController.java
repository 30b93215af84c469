package io.fleetmesh.api.credentials;

import io.fleetmesh.api.identity.CurrentTenant;
import io.fleetmesh.api.web.Refuses;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A device's NATS credentials (ADMIN only): {@code POST} issues a new user and answers its {@code .creds} file,
 * the only time it exists outside the device; {@code DELETE} revokes every key the device was given, and the
 * hub closes its connections.
 */
@RestController
@Validated
@RequestMapping("/api/v1/devices/{deviceId}/credentials")
class DeviceCredentialsController {

    /** One to three MQTT topic levels of letters, digits, '_' and '-', none starting with '$' or '_'. */
    private static final String LEGACY_PREFIX = "[A-Za-z0-9][A-Za-z0-9_-]{0,31}(/[A-Za-z0-9][A-Za-z0-9_-]{0,31}){0,2}";

    private final DeviceCredentials credentials;
    private final CurrentTenant tenant;

    DeviceCredentialsController(DeviceCredentials credentials, CurrentTenant tenant) {
        this.credentials = credentials;
        this.tenant = tenant;
    }

    /**
     * {@code ?for=mqtt}: a bearer JWT, the MQTT password of a device that speaks MQTT straight to the hub.
     * {@code legacyPrefix=trucks}: it may also publish on an old fleet's {@code trucks/<device>/...} topics, for a
     * subject mapping to turn into the platform's (ADR 0014).
     */
    @PostMapping
    @Refuses(status = 409, detail = DeviceCredentials.NO_MESH)
    ResponseEntity<String> issue(@PathVariable String deviceId, @RequestParam(name = "for", defaultValue = "nats")
            @Pattern(regexp = "nats|mqtt") String kind, @RequestParam(required = false)
            @Pattern(regexp = LEGACY_PREFIX) String legacyPrefix) throws Exception {
        MeshAuthority.IssuedCredentials issued = credentials.issue(tenant.caller(), deviceId, kind.equals("mqtt"),
                legacyPrefix);
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
    @Refuses(status = 409, detail = DeviceCredentials.NO_MESH)
    @Refuses(status = 404, detail = DeviceCredentials.NONE_TO_REVOKE)
    ResponseEntity<Void> revoke(@PathVariable String deviceId) {
        boolean applied = credentials.revokeAll(tenant.caller(), deviceId);
        return applied ? ResponseEntity.noContent().build() : ResponseEntity.accepted().build();
    }
}
