package io.fleetmesh.api.audit;

import io.fleetmesh.api.apikeys.ApiKeyEvents.ApiKeyCreated;
import io.fleetmesh.api.apikeys.ApiKeyEvents.ApiKeyRevoked;
import io.fleetmesh.api.commands.CommandEvents;
import io.fleetmesh.api.credentials.DeviceCredentialEvents;
import io.fleetmesh.api.devices.DeviceDeleted;
import io.fleetmesh.api.identity.Caller;
import io.fleetmesh.api.mappings.MappingEvents;
import io.fleetmesh.api.operators.LoginFailed;
import io.fleetmesh.api.operators.OperatorCreated;
import io.fleetmesh.api.operators.PasswordChanged;
import io.fleetmesh.api.taps.TapEvents;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * What goes into the audit log: dashboard logins and failed operator logins, operator and API key changes,
 * device credentials issued and revoked, device deletions, commands created and cancelled. (Each API request authenticated by a key is not a security event; a rejected key is only
 * counted, or an attacker could fill the log.)
 */
@Component
class SecurityAudit {

    private final AuditLog log;

    SecurityAudit(AuditLog log) {
        this.log = log;
    }

    @EventListener
    void login(InteractiveAuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof Caller caller) {
            log.record(caller.tenantId(), caller.name(), "login", null, null);
        }
    }

    @EventListener
    void failedLogin(LoginFailed event) {
        log.record(event.tenantId(), event.username(), "login-failed", null, event.reason());
    }

    @EventListener
    void operatorCreated(OperatorCreated event) {
        log.record(event.tenantId(), event.createdBy(), "operator-created", event.username(), event.role().name());
    }

    @EventListener
    void passwordChanged(PasswordChanged event) {
        log.record(event.tenantId(), event.username(), "password-changed", event.username(), null);
    }

    @EventListener
    void keyCreated(ApiKeyCreated event) {
        log.record(event.tenantId(), event.by(), "api-key-created", "key:" + event.prefix(),
                event.role().name() + " " + event.name());
    }

    @EventListener
    void keyRevoked(ApiKeyRevoked event) {
        log.record(event.tenantId(), event.by(), "api-key-revoked", "key:" + event.prefix(), null);
    }

    @EventListener
    void mappingsChanged(MappingEvents.MappingsChanged event) {
        log.record(event.tenantId(), event.by(), "subject-mappings-changed", "version:" + event.version(),
                event.rules() + " mappings" + (event.restoredFrom() == null ? "" : ", restored version " + event.restoredFrom()));
    }

    @EventListener
    void tapChanged(TapEvents.TapChanged event) {
        log.record(event.tenantId(), event.by(), "tap-" + event.change(), "tap:" + event.tap(), event.detail());
    }

    @EventListener
    void credentialsIssued(DeviceCredentialEvents.Issued event) {
        log.record(event.tenantId(), event.by(), "device-credentials-issued", event.deviceId(), event.userKey());
    }

    @EventListener
    void credentialsRevoked(DeviceCredentialEvents.Revoked event) {
        log.record(event.tenantId(), event.by(), "device-credentials-revoked", event.deviceId(), event.keys() + " keys");
    }

    /** One entry per command to one device; a fan-out's commands are one entry for the fan-out. */
    @EventListener
    void commandCreated(CommandEvents.CommandCreated event) {
        if (event.fanoutId() == null) {
            log.record(event.tenantId(), event.by(), "command-created", event.deviceId(), event.type() + " " + event.commandId());
        }
    }

    @EventListener
    void fanOutCreated(CommandEvents.FanOutCreated event) {
        log.record(event.tenantId(), event.by(), "fanout-created", "fanout:" + event.fanoutId(),
                event.type() + " to " + event.devices() + " devices");
    }

    @EventListener
    void commandCancelled(CommandEvents.CommandCancelled event) {
        log.record(event.tenantId(), event.by(), "command-cancelled", event.deviceId(), event.commandId().toString());
    }

    @EventListener
    void deviceDeleted(DeviceDeleted event) {
        log.record(event.tenantId(), event.deletedBy(), "device-deleted", event.deviceId(), null);
    }
}
